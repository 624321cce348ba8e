package dev.respite.impl.pool;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.spi.RedisListener.DestroyReason;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.jspecify.annotations.Nullable;

/**
 * The pool of connections behind a data source: commons-pool2's {@link GenericObjectPool}, kept out of
 * sight so that its exceptions and settings never leak into the API.
 *
 * <p>A connection older than {@code poolMaxLifetime} is closed when it comes back or when it is next
 * checked (on borrow, or by the idle sweep), never while a session uses it. The idle sweep also closes
 * connections idle longer than {@code poolIdleTimeout} above {@code poolMinIdle}, drops dead ones and opens
 * new ones up to {@code poolMinIdle}.
 *
 * <p>Borrowers first pass a {@link BorrowGate} with one permit per connection, which bounds how long anyone
 * waits: commons-pool2's own waiting is unfair (a waiter can lose every race for the whole
 * {@code poolMaxWait} under load), and its fair mode serializes every borrow and return behind one fair lock.
 * commons-pool2 still makes, checks and evicts the connections.
 */
public final class ConnectionPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());
  private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofSeconds(30);
  private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofMillis(100);

  private final String name;
  private final Duration maxWait;
  private final long maxWaitNanos;
  private final BorrowGate gate;
  private volatile boolean closed;
  private final Listeners listeners;
  private final PooledConnectionFactory factory;
  private final GenericObjectPool<PoolEntry> pool;
  private final @Nullable LeakDetector leaks;

  /** A pool of {@code connector}'s connections; opens {@code poolMinIdle} now, if the server answers. */
  public ConnectionPool(String name, Connector connector, Listeners listeners) {
    RedisConfig config = connector.config();
    this.name = name;
    this.maxWait = config.poolMaxWait();
    this.maxWaitNanos = maxWait.toNanos();
    this.gate = new BorrowGate(config.poolMaxTotal());
    this.listeners = listeners;
    this.factory = new PooledConnectionFactory(connector, listeners);
    this.pool = new GenericObjectPool<>(factory, settings(config));
    this.leaks = LeakDetector.startIfEnabled(name, config.leakDetectionThreshold());
    pool.setSwallowedExceptionListener(e -> LOG.log(Level.DEBUG, "Redis pool " + name + ": " + e, e));
    if (config.poolMinIdle() > 0) {
      try {
        pool.preparePool();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Redis pool " + name + " could not open its " + config.poolMinIdle()
            + " idle connections yet: " + e.getMessage());
      }
    }
  }

  private static GenericObjectPoolConfig<PoolEntry> settings(RedisConfig config) {
    GenericObjectPoolConfig<PoolEntry> settings = new GenericObjectPoolConfig<>();
    settings.setMaxTotal(config.poolMaxTotal());
    settings.setMaxIdle(config.poolMaxIdle());
    settings.setMinIdle(config.poolMinIdle());
    settings.setMaxWait(config.poolMaxWait());
    settings.setBlockWhenExhausted(true);
    settings.setTestOnBorrow(true);
    settings.setTestWhileIdle(true);
    settings.setTimeBetweenEvictionRuns(sweepInterval(config));
    settings.setNumTestsPerEvictionRun(-1);
    settings.setMinEvictableIdleDuration(Duration.ofMillis(-1));
    settings.setSoftMinEvictableIdleDuration(config.poolIdleTimeout());
    settings.setJmxEnabled(false);
    return settings;
  }

  /**
   * Half the shortest of {@code poolIdleTimeout} and {@code poolMaxLifetime}, within 100 ms..30 s: a
   * connection is closed at most about half its limit late, and a short timeout in a test takes effect
   * within seconds.
   */
  static Duration sweepInterval(RedisConfig config) {
    Duration shortest = config.poolIdleTimeout();
    Duration lifetime = config.poolMaxLifetime();
    if (!lifetime.isZero() && lifetime.compareTo(shortest) < 0) {
      shortest = lifetime;
    }
    Duration half = shortest.dividedBy(2);
    if (half.compareTo(SHORTEST_SWEEP_INTERVAL) < 0) {
      return SHORTEST_SWEEP_INTERVAL;
    }
    return half.compareTo(LONGEST_SWEEP_INTERVAL) > 0 ? LONGEST_SWEEP_INTERVAL : half;
  }

  /**
   * Borrows a connection, waiting at most {@code poolMaxWait}.
   *
   * @throws RedisPoolExhaustedException if none became free in time
   * @throws RedisConnectionException if a new connection could not be made
   */
  public PoolEntry borrow() {
    long start = System.nanoTime();
    acquirePermit(start);
    PoolEntry connection = takeUnderPermit(start);
    long now = System.nanoTime();
    lend(connection, now);
    connection.connection().waited(now - start);
    listeners.connectionAcquired(now - start); // cheap when nobody listens or records
    return connection;
  }

  /**
   * Checks a connection lent by {@link #borrow()} before its session's first command: returns it when the
   * server has neither closed it nor sent bytes nobody asked for, else destroys it and lends another in its
   * place, under the same permit. Costs no round trip on plain TCP (see {@link LivenessProbe}).
   *
   * @throws RedisConnectionException if no replacement could be made; the caller then holds nothing
   */
  public PoolEntry checked(PoolEntry connection) {
    PoolEntry c = connection;
    while (!LivenessProbe.isAlive(c)) {
      c.destroyReason(DestroyReason.VALIDATION_FAILED);
      c.connection().markBroken();
      if (leaks != null) {
        leaks.returned(c);
      }
      long borrowedAt = c.borrowedAtNanos();
      long waited = c.connection().waitedNanos();
      returnOrDestroy(c);
      c = takeUnderPermit(System.nanoTime());
      lend(c, borrowedAt);
      c.connection().waited(waited); // the session's wait, for the slow-command log, goes with it
    }
    return c;
  }

  /**
   * Takes a connection from commons-pool2 for the permit the caller holds; if that fails, gives the permit
   * back. With a permit there is an idle connection or room for one: commons-pool2 waits only in rare races
   * (its idle sweep checking the last idle connection).
   */
  private PoolEntry takeUnderPermit(long start) {
    long taking = System.nanoTime();
    try {
      return pool.borrowObject(maxWait);
    } catch (Exception e) {
      gate.release();
      throw lendFailed(e, start, taking);
    }
  }

  /** Records that {@code connection} is lent since {@code borrowedAt}. */
  private void lend(PoolEntry connection, long borrowedAt) {
    connection.borrowedAt(borrowedAt);
    if (leaks != null) {
      leaks.borrowed(connection, borrowedAt);
    }
  }

  private RuntimeException lendFailed(Exception e, long start, long taking) {
    if (e instanceof NoSuchElementException) {
      // Under a permit commons-pool2 waits only in a rare race; when that wait used up poolMaxWait, the pool
      // was exhausted after all. Otherwise a new connection failed its activation or validation.
      if (System.nanoTime() - taking >= maxWaitNanos) {
        return exhausted(start);
      }
      return new RedisConnectionException("Redis pool " + name + " could not make a usable connection", e);
    }
    if (e instanceof IllegalStateException) {
      return closedException();
    }
    if (e instanceof InterruptedException) {
      return interrupted((InterruptedException) e);
    }
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    return new RedisException("Redis pool " + name + " failed to lend a connection", e);
  }

  /** Waits for the right to borrow ({@link BorrowGate}), at most {@code poolMaxWait} from {@code start}. */
  private void acquirePermit(long start) {
    boolean acquired;
    try {
      acquired = gate.acquire(start + maxWaitNanos);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
    if (!acquired) {
      throw exhausted(start);
    }
    if (closed) {
      gate.release(); // wakes the next waiter, which fails the same way
      throw closedException();
    }
  }

  private RedisPoolExhaustedException exhausted(long start) {
    long waited = System.nanoTime() - start;
    listeners.connectionTimedOut(waited);
    return new RedisPoolExhaustedException(name, Duration.ofNanos(waited), stats());
  }

  private RedisException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new RedisException("Interrupted while waiting for a connection from Redis pool " + name, e);
  }

  /**
   * Returns a connection; one left broken, in a state that cannot be reset, or older than
   * {@code poolMaxLifetime} is destroyed instead.
   */
  public void release(PoolEntry connection) {
    try {
      if (leaks != null) {
        leaks.returned(connection);
      }
      if (!listeners.isEmpty()) {
        listeners.connectionReleased(System.nanoTime() - connection.borrowedAtNanos());
      }
      returnOrDestroy(connection);
    } finally {
      gate.release();
    }
  }

  /**
   * Gives a connection back to commons-pool2, which resets it or, when it is broken, dirty or expired,
   * destroys it ({@link PooledConnectionFactory#passivateObject}). Never {@code invalidateObject}: that opens
   * a replacement at once, in the caller's thread, so a failed command would also wait for a new connection
   * (up to {@code connectTimeout} and a handshake) before its exception is thrown.
   */
  private void returnOrDestroy(PoolEntry connection) {
    try {
      pool.returnObject(connection);
    } catch (RuntimeException e) {
      connection.connection().close();
      LOG.log(Level.DEBUG, "Redis pool " + name + " could not take back " + connection, e);
    }
  }

  /** A snapshot of the pool's counters. */
  public PoolStats stats() {
    // Waiters queue at the gate; commons-pool2 behind it holds none but in a rare race, not worth counting.
    return new PoolStats(pool.getNumActive(), pool.getNumIdle(), gate.waiting(), pool.getMaxTotal());
  }

  /** The pool's name. */
  public String name() {
    return name;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** The exception for use after {@link #close()}. */
  public RedisException closedException() {
    return new RedisException("RedisDataSource with pool " + name + " is closed");
  }

  /** The listeners of this pool and its sessions. */
  public Listeners listeners() {
    return listeners;
  }

  @Override
  public void close() {
    if (leaks != null) {
      leaks.close();
    }
    closed = true;
    factory.closing();
    pool.close();
    gate.release(); // the first waiter sees the pool closed and releases in turn, waking the next
  }
}
