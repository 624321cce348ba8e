package dev.respite.benchmarks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cluster client shared by every thread of the cluster case: Respite's cluster data source, Jedis'
 * {@code RedisClusterClient} or Lettuce's {@code RedisClusterClient} with one shared connection. Each call is
 * one command routed by the client to the key's primary.
 */
interface ClusterClient extends AutoCloseable {

  /** Connections per node for the clients with a pool: the size of the pool case's pools. */
  int POOL_SIZE_PER_NODE = PooledClient.POOL_SIZE;

  /**
   * SET, the way the client's users write it.
   *
   * @return whether the reply was {@code OK}
   */
  boolean set(String key, String value);

  /** GET. */
  @Nullable String get(String key);

  @Override
  void close();

  /**
   * @param seeds every node as {@code host:port}
   * @param maxWaitMillis longest wait for a free connection of a node's pool, the same for every client
   * @throws IllegalStateException if the client cannot open the cluster, saying why
   */
  static ClusterClient open(Client client, List<String> seeds, long maxWaitMillis) {
    switch (client) {
      case RESPITE:
        return new RespiteClusterClient(seeds, maxWaitMillis);
      case JEDIS:
        return new JedisClusterClient(seeds, maxWaitMillis);
      case LETTUCE:
        return new LettuceClusterClient(seeds);
      default:
        throw new IllegalArgumentException("no cluster form for " + client.label());
    }
  }
}
