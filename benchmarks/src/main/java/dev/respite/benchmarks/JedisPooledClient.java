package dev.respite.benchmarks;

import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A {@code JedisPool} of {@link PooledClient#POOL_SIZE} connections, otherwise Jedis' defaults. Jedis 8
 * deprecates {@code JedisPool} in favour of its {@code UnifiedJedis} clients, but it is still what most
 * applications run, and the pool the targets name.
 */
@SuppressWarnings("deprecation")
final class JedisPooledClient implements PooledClient {

  private final JedisPool pool;

  JedisPooledClient(BenchmarkServer server, long maxWaitMillis) {
    GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(POOL_SIZE);
    config.setMaxIdle(POOL_SIZE);
    config.setMaxWait(Duration.ofMillis(maxWaitMillis));
    this.pool = new JedisPool(config, server.host(), server.port());
  }

  @Override
  public @Nullable String get(String key) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.get(key);
    }
  }

  @Override
  public void set(String key, String value) {
    try (Jedis jedis = pool.getResource()) {
      jedis.set(key, value);
    }
  }

  @Override
  public void borrowAndReturn() {
    pool.getResource().close();
  }

  @Override
  public void close() {
    pool.close();
  }
}
