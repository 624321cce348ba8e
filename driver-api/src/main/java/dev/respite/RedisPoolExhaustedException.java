package dev.respite;

import java.time.Duration;

/**
 * No connection became free within {@code poolMaxWait}.
 *
 * <p>The message and the accessors say how the pool stood when the wait ended, so that a leak (sessions
 * never closed) can be told from a pool that is simply too small for the load.
 */
public class RedisPoolExhaustedException extends RedisException {
  private static final long serialVersionUID = 1L;

  private final PoolStats stats;
  private final Duration waited;

  /** An exception for a wait of {@code waited} that ended with the pool as in {@code stats}. */
  public RedisPoolExhaustedException(String poolName, Duration waited, PoolStats stats) {
    super("Redis pool '" + poolName + "' has no free connection after waiting " + waited.toMillis()
        + " ms (active=" + stats.active() + ", idle=" + stats.idle() + ", pending=" + stats.pending()
        + ", maxTotal=" + stats.maxTotal() + "); close every session, or raise poolMaxTotal or poolMaxWait");
    this.stats = stats;
    this.waited = waited;
  }

  /** The pool as it stood when the wait ended. */
  public PoolStats stats() {
    return stats;
  }

  /** How long the caller waited. */
  public Duration waited() {
    return waited;
  }
}
