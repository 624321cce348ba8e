package dev.respite;

import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.spi.RedisListener;
import java.util.Map;

/**
 * The factory of sessions that an application injects, as it would a {@code javax.sql.DataSource}: one per
 * Redis server, shared by every thread, closed when the application stops.
 *
 * <pre>{@code
 * try (RedisDataSource redis = RedisDataSource.create("redis://localhost:6379/0");
 *      RedisSession session = redis.openSession()) {
 *   session.set("greeting", "hello");
 * }
 * }</pre>
 *
 * <p>Behind it is a pool of connections. Opening a session borrows one (waiting at most
 * {@code poolMaxWait}); closing the session returns it with whatever state the session left on it reset.
 * Implementations are thread-safe.
 */
public interface RedisDataSource extends AutoCloseable {

  /**
   * Creates a data source from a URL of the form
   * {@code redis://[[user]:password@]host[:port][/database][?option=value&...]}.
   *
   * @throws IllegalArgumentException if the URL or one of its options is not valid
   * @throws RedisException if no implementation is on the class path
   */
  static RedisDataSource create(String url) {
    return create(RedisConfig.fromUrl(url));
  }

  /**
   * Creates a data source for a configuration. No connection is opened until the first session, unless
   * {@code poolMinIdle} asks for some.
   *
   * @throws RedisException if no implementation is on the class path
   */
  static RedisDataSource create(RedisConfig config) {
    return DriverLocator.driver().createDataSource(config);
  }

  /** Opens a session on the configured default database. */
  RedisSession openSession();

  /**
   * Opens a session on {@code database}. The connection is switched to it only if it is not already there;
   * the next session to borrow the connection gets the database it asks for, whatever this one did.
   *
   * @throws IllegalArgumentException if {@code database} is negative
   * @throws RedisPoolExhaustedException if no connection is free within {@code poolMaxWait}
   * @throws RedisConnectionException if a new connection cannot be made
   * @throws RedisServerException if the server refuses the database
   */
  RedisSession openSession(int database);

  /**
   * Opens a session for reads, on the configured default database, sent where {@link RedisOption#READ_FROM}
   * says: on a Sentinel or Cluster data source possibly a replica, which may lag behind its primary. A write
   * on it fails with the server's {@code READONLY} error; it is never redirected silently. On one server,
   * the same as {@link #openSession()}.
   */
  default RedisSession openReadOnlySession() {
    return openSession();
  }

  /** The configuration this data source was created with. */
  RedisConfig config();

  /** A snapshot of the pool; on a Sentinel or Cluster data source, the sum of {@link #nodePoolStats()}. */
  PoolStats poolStats();

  /**
   * A snapshot of each node's pool, by the pool's name, for a data source that keeps one pool per node: a
   * Sentinel data source ({@code <poolName>@host:port} for the primary and each replica it read from), a
   * Cluster one ({@code <poolName>@host:port} per node, {@code <poolName>-readonly@host:port} for the
   * {@code READONLY} connections of replica reads). A pool appears when its node is first used and leaves
   * when the data source retires it (a Sentinel failover retires the old primary's). Empty for a
   * single server, whose one pool is {@link #poolStats()}. Metrics publish a set of pool gauges per entry.
   */
  default Map<String, PoolStats> nodePoolStats() {
    return Map.of();
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed();

  /**
   * The pool's name: {@code poolName} when configured, else {@code respite-N}. Used in messages and as the
   * {@code pool.name} tag of metrics.
   */
  String poolName();

  /**
   * Registers a listener for commands and pool events, such as the Micrometer binding of
   * {@code driver-metrics}. Without listeners, the hot path pays nothing for them.
   */
  void addListener(RedisListener listener);

  /** Removes a listener added before, and closes it. Removing one that is not registered does nothing. */
  void removeListener(RedisListener listener);

  /**
   * Opens a pub/sub subscriber on a connection of its own (never one of the pool's, and not counted in
   * {@link #poolStats()}), with this data source's host, credentials, client name and protocol, and a daemon
   * thread that hands each message to {@code listener}. Close it when done; closing the data source closes
   * it too. Publish from any session ({@code PUBLISH}).
   *
   * @throws RedisConnectionException if the server cannot be reached
   * @throws RedisServerException if the server refuses the handshake (wrong password, ...)
   * @throws RedisException if the data source is closed
   */
  RedisSubscriber openSubscriber(MessageListener listener);

  /**
   * Closes the pool and every idle connection. Sessions still open fail on their next command and give
   * their connection back to be closed. Calling it again does nothing.
   */
  @Override
  void close();
}
