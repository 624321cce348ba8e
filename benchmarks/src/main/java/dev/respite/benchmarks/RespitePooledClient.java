package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import org.jspecify.annotations.Nullable;

/**
 * A Respite data source with {@link PooledClient#POOL_SIZE} connections; one session per call. With
 * {@code multiplex} lanes, the sessions share those instead and borrow nothing.
 */
final class RespitePooledClient implements PooledClient {
  /** The lanes of the {@code respite-multiplex} rows. */
  static final int LANES = 2;

  private final RedisDataSource dataSource;

  RespitePooledClient(BenchmarkServer server, long maxWaitMillis, int multiplex) {
    this.dataSource = RedisDataSource.create(server.respiteUrl(
        "poolMaxTotal=" + POOL_SIZE + "&poolMaxIdle=" + POOL_SIZE + "&poolMaxWait=" + maxWaitMillis + "ms"
            + "&multiplex=" + multiplex));
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
