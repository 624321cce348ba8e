package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Respite's cluster data source from a {@code redis-cluster://} URL naming every node as a seed, with a pool
 * of {@link ClusterClient#POOL_SIZE_PER_NODE} connections per node; one session per command, as the pool case
 * does (a session borrows a connection of the key's node and returns it on close).
 */
final class RespiteClusterClient implements ClusterClient {

  private final RedisDataSource dataSource;

  RespiteClusterClient(List<String> seeds, long maxWaitMillis) {
    String url = "redis-cluster://" + String.join(",", seeds) + "?poolMaxTotal=" + POOL_SIZE_PER_NODE
        + "&poolMaxIdle=" + POOL_SIZE_PER_NODE + "&poolMaxWait=" + maxWaitMillis + "ms";
    try {
      this.dataSource = RedisDataSource.create(url);
    } catch (RuntimeException e) {
      // Before issue 14's cluster data source is merged, the URL parser or the driver refuses the scheme. The
      // cause's message already quotes the URL.
      throw new IllegalStateException("this Respite build has no redis-cluster:// data source (issue 14's not "
          + "merged?): " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean set(String key, String value) {
    try (RedisSession session = dataSource.openSession()) {
      session.set(key, value); // throws on any reply but OK
      return true;
    }
  }

  @Override
  public @Nullable String get(String key) {
    try (RedisSession session = dataSource.openSession()) {
      return session.get(key);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
