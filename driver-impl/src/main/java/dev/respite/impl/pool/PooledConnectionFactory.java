package dev.respite.impl.pool;

import dev.respite.impl.connection.Connector;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.spi.RedisListener.DestroyReason;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectState;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * Makes, checks, resets and destroys connections for commons-pool2. Resetting happens on return
 * ({@link #passivateObject}): if it fails, commons-pool2 destroys the connection instead of keeping it.
 */
final class PooledConnectionFactory extends BasePooledObjectFactory<PoolEntry> {
  /** Lifetimes are shortened by a random part up to 1/40 (2.5%), so connections made together part. */
  private static final int JITTER_DIVISOR = 40;

  private final Connector connector;
  private final int database;
  private final Listeners listeners;
  private final long maxLifetimeNanos;
  private volatile boolean closing;

  PooledConnectionFactory(Connector connector, Listeners listeners) {
    this.connector = connector;
    this.database = connector.config().database();
    this.listeners = listeners;
    this.maxLifetimeNanos = connector.config().poolMaxLifetime().toNanos();
  }

  /** From now on, connections are destroyed because the pool closes. */
  void closing() {
    closing = true;
  }

  @Override
  public PoolEntry create() {
    long start = System.nanoTime();
    RedisConnection connection = connector.open();
    long now = System.nanoTime();
    listeners.connectionCreated(now - start);
    return new PoolEntry(connection, database, now, jitteredLifetime(maxLifetimeNanos));
  }

  /** {@code maxLifetimeNanos} less a random 0..2.5%; zero (no limit) stays zero. */
  static long jitteredLifetime(long maxLifetimeNanos) {
    if (maxLifetimeNanos <= 0) {
      return 0;
    }
    long jitter = ThreadLocalRandom.current().nextLong(maxLifetimeNanos / JITTER_DIVISOR + 1);
    return Math.max(1, maxLifetimeNanos - jitter);
  }

  @Override
  public PooledObject<PoolEntry> wrap(PoolEntry entry) {
    return new DefaultPooledObject<>(entry);
  }

  /**
   * On borrow, only what costs no system call: the expiry and whether the connection is in step (the socket
   * itself is checked before the session's first command, {@link ConnectionPool#checked}). The idle sweep
   * checks the socket too.
   */
  @Override
  public boolean validateObject(PooledObject<PoolEntry> pooled) {
    PoolEntry entry = pooled.getObject();
    if (entry.isExpired(System.nanoTime())) {
      entry.destroyReason(DestroyReason.EXPIRED);
      return false;
    }
    boolean sweeping = pooled.getState() == PooledObjectState.EVICTION;
    boolean usable = sweeping ? LivenessProbe.isAlive(entry) : entry.isInStep();
    if (!usable) {
      entry.destroyReason(DestroyReason.VALIDATION_FAILED);
    }
    return usable;
  }

  /** Resets a returned connection; throwing makes commons-pool2 destroy it instead of keeping it. */
  @Override
  public void passivateObject(PooledObject<PoolEntry> pooled) throws Exception {
    PoolEntry entry = pooled.getObject();
    if (entry.isExpired(System.nanoTime())) {
      entry.destroyReason(DestroyReason.EXPIRED);
      throw new IllegalStateException(entry + " outlived poolMaxLifetime");
    }
    StateReset.reset(entry);
  }

  @Override
  public void destroyObject(PooledObject<PoolEntry> pooled) {
    destroyObject(pooled, DestroyMode.NORMAL);
  }

  @Override
  public void destroyObject(PooledObject<PoolEntry> pooled, DestroyMode mode) {
    PoolEntry entry = pooled.getObject();
    DestroyReason reason = entry.destroyReason(); // before closing, which marks the connection broken
    entry.connection().close();
    listeners.connectionDestroyed(reason != null ? reason : closing ? DestroyReason.POOL_CLOSED : DestroyReason.IDLE,
        entry.connection().brokenBy());
  }
}
