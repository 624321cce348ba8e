package dev.respite.benchmarks;

import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;

/** One {@code Jedis} connection for the trial. */
final class JedisSingleConnection implements SingleConnection {

  private final Jedis jedis;

  JedisSingleConnection(BenchmarkServer server) {
    this.jedis = new Jedis(server.host(), server.port());
  }

  @Override
  public void set(String key, String value) {
    jedis.set(key, value);
  }

  @Override
  public @Nullable String get(String key) {
    return jedis.get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    jedis.set(key, value);
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return jedis.get(key);
  }

  @Override
  public void close() {
    jedis.close();
  }
}
