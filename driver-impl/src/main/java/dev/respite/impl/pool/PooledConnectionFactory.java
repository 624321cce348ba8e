package dev.respite.impl.pool;

import dev.respite.RedisConfig;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.spi.RedisListener.DestroyReason;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * Makes, checks, resets and destroys connections for commons-pool2. Resetting happens on return
 * ({@link #passivateObject}): if it fails, commons-pool2 destroys the connection instead of keeping it.
 */
final class PooledConnectionFactory extends BasePooledObjectFactory<RedisConnection> {
  private final RedisConfig config;
  private final Listeners listeners;
  private volatile boolean closing;

  PooledConnectionFactory(RedisConfig config, Listeners listeners) {
    this.config = config;
    this.listeners = listeners;
  }

  /** From now on, connections are destroyed because the pool closes. */
  void closing() {
    closing = true;
  }

  @Override
  public RedisConnection create() {
    long start = System.nanoTime();
    RedisConnection connection = RedisConnection.open(config);
    listeners.connectionCreated(System.nanoTime() - start);
    return connection;
  }

  @Override
  public PooledObject<RedisConnection> wrap(RedisConnection connection) {
    return new DefaultPooledObject<>(connection);
  }

  /** Cheap enough for every borrow: a non-blocking read, no round trip. */
  @Override
  public boolean validateObject(PooledObject<RedisConnection> pooled) {
    RedisConnection connection = pooled.getObject();
    boolean reusable = connection.isReusable();
    if (!reusable) {
      connection.destroyReason(DestroyReason.VALIDATION_FAILED);
    }
    return reusable;
  }

  @Override
  public void passivateObject(PooledObject<RedisConnection> pooled) throws Exception {
    pooled.getObject().resetSessionState();
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
    listeners.connectionDestroyed(reason != null ? reason : closing ? DestroyReason.POOL_CLOSED : DestroyReason.IDLE);
  }
}
