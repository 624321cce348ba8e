package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import org.jspecify.annotations.Nullable;

/** A Respite data source with {@link PooledClient#POOL_SIZE} connections; one session per call. */
final class RespitePooledClient implements PooledClient {

  private final RedisDataSource dataSource;

  RespitePooledClient(BenchmarkServer server, long maxWaitMillis) {
    this.dataSource = RedisDataSource.create(server.respiteUrl(
        "poolMaxTotal=" + POOL_SIZE + "&poolMaxIdle=" + POOL_SIZE + "&poolMaxWait=" + maxWaitMillis + "ms"));
  }

  @Override
  public @Nullable String get(String key) {
    try (RedisSession session = dataSource.openSession()) {
      return session.get(key);
    }
  }

  @Override
  public void set(String key, String value) {
    try (RedisSession session = dataSource.openSession()) {
      session.set(key, value);
    }
  }

  @Override
  public void borrowAndReturn() {
    dataSource.openSession().close();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
