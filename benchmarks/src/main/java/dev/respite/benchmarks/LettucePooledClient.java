package dev.respite.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.jspecify.annotations.Nullable;

/**
 * Lettuce's sync API on connections from {@code ConnectionPoolSupport.createGenericObjectPool} (commons-pool2,
 * {@link PooledClient#POOL_SIZE} connections), the pooling Lettuce documents for blocking callers.
 */
final class LettucePooledClient implements PooledClient {

  private final RedisClient client;
  private final GenericObjectPool<StatefulRedisConnection<String, String>> pool;

  LettucePooledClient(BenchmarkServer server, long maxWaitMillis) {
    this.client = RedisClient.create(RedisURI.create(server.host(), server.port()));
    GenericObjectPoolConfig<StatefulRedisConnection<String, String>> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(POOL_SIZE);
    config.setMaxIdle(POOL_SIZE);
    config.setMaxWait(Duration.ofMillis(maxWaitMillis));
    this.pool = ConnectionPoolSupport.createGenericObjectPool(() -> client.connect(StringCodec.UTF8), config);
  }

  @Override
  public @Nullable String get(String key) {
    StatefulRedisConnection<String, String> connection = borrow();
    try {
      return connection.sync().get(key);
    } finally {
      pool.returnObject(connection);
    }
  }

  @Override
  public void set(String key, String value) {
    StatefulRedisConnection<String, String> connection = borrow();
    try {
      connection.sync().set(key, value);
    } finally {
      pool.returnObject(connection);
    }
  }

  @Override
  public void borrowAndReturn() {
    pool.returnObject(borrow());
  }

  private StatefulRedisConnection<String, String> borrow() {
    try {
      return pool.borrowObject();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Lettuce pool borrow failed", e);
    }
  }

  @Override
  public void close() {
    pool.close();
    client.shutdown();
  }
}
