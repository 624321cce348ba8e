package dev.respite.impl.pool;

import dev.respite.RedisConfig;
import dev.respite.impl.connection.RedisConnection;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * Makes, checks, resets and destroys connections for commons-pool2. Resetting happens on return
 * ({@link #passivateObject}): if it fails, commons-pool2 destroys the connection instead of keeping it.
 */
final class PooledConnectionFactory extends BasePooledObjectFactory<RedisConnection> {
  private final RedisConfig config;

  PooledConnectionFactory(RedisConfig config) {
    this.config = config;
  }

  @Override
  public RedisConnection create() {
    return RedisConnection.open(config);
  }

  @Override
  public PooledObject<RedisConnection> wrap(RedisConnection connection) {
    return new DefaultPooledObject<>(connection);
  }

  /** Cheap enough for every borrow: a non-blocking read, no round trip. */
  @Override
  public boolean validateObject(PooledObject<RedisConnection> pooled) {
    return pooled.getObject().isReusable();
  }

  @Override
  public void passivateObject(PooledObject<RedisConnection> pooled) throws Exception {
    pooled.getObject().resetSessionState();
  }

  @Override
  public void destroyObject(PooledObject<RedisConnection> pooled) {
    pooled.getObject().close();
  }
}
