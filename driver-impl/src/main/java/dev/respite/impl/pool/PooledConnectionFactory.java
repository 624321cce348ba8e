package dev.respite.impl.pool;

import dev.respite.RedisConfig;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.connection.TlsContext;
import dev.respite.impl.event.Listeners;
import dev.respite.spi.RedisListener.DestroyReason;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectState;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.jspecify.annotations.Nullable;

/**
 * Makes, checks, resets and destroys connections for commons-pool2. Resetting happens on return
 * ({@link #passivateObject}): if it fails, commons-pool2 destroys the connection instead of keeping it.
 */
final class PooledConnectionFactory extends BasePooledObjectFactory<RedisConnection> {
  /** Lifetimes are shortened by a random part up to 1/40 (2.5%), so connections made together part. */
  private static final int JITTER_DIVISOR = 40;

  private final RedisConfig config;
  private final @Nullable TlsContext tls;
  private final Listeners listeners;
  private final long maxLifetimeNanos;
  private volatile boolean closing;

  PooledConnectionFactory(RedisConfig config, @Nullable TlsContext tls, Listeners listeners) {
    this.config = config;
    this.tls = tls;
    this.listeners = listeners;
    this.maxLifetimeNanos = config.poolMaxLifetime().toNanos();
  }

  /** From now on, connections are destroyed because the pool closes. */
  void closing() {
    closing = true;
  }

  @Override
  public RedisConnection create() {
    long start = System.nanoTime();
    RedisConnection connection = RedisConnection.open(config, tls);
    long now = System.nanoTime();
    connection.lifetime(now, jitteredLifetime(maxLifetimeNanos));
    listeners.connectionCreated(now - start);
    return connection;
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
  public PooledObject<RedisConnection> wrap(RedisConnection connection) {
    return new DefaultPooledObject<>(connection);
  }

  /**
   * On borrow, only what costs no system call: the expiry and whether the connection is in step (the socket
   * itself is checked before the session's first command, {@link ConnectionPool#checked}). The idle sweep
   * checks the socket too.
   */
  @Override
  public boolean validateObject(PooledObject<RedisConnection> pooled) {
    RedisConnection connection = pooled.getObject();
    if (connection.isExpired(System.nanoTime())) {
      connection.destroyReason(DestroyReason.EXPIRED);
      return false;
    }
    boolean sweeping = pooled.getState() == PooledObjectState.EVICTION;
    boolean usable = sweeping ? connection.isReusable() : connection.isInStep();
    if (!usable) {
      connection.destroyReason(DestroyReason.VALIDATION_FAILED);
    }
    return usable;
  }

  /** Resets a returned connection; throwing makes commons-pool2 destroy it instead of keeping it. */
  @Override
  public void passivateObject(PooledObject<RedisConnection> pooled) throws Exception {
    RedisConnection connection = pooled.getObject();
    if (connection.isExpired(System.nanoTime())) {
      connection.destroyReason(DestroyReason.EXPIRED);
      throw new IllegalStateException(connection + " outlived poolMaxLifetime");
    }
    connection.resetSessionState();
  }

  @Override
  public void destroyObject(PooledObject<RedisConnection> pooled) {
    destroyObject(pooled, DestroyMode.NORMAL);
  }

  @Override
  public void destroyObject(PooledObject<RedisConnection> pooled, DestroyMode mode) {
    RedisConnection connection = pooled.getObject();
    connection.close();
    DestroyReason reason = connection.destroyReason();
    listeners.connectionDestroyed(reason != null ? reason : closing ? DestroyReason.POOL_CLOSED : DestroyReason.IDLE,
        connection.brokenBy());
  }
}
