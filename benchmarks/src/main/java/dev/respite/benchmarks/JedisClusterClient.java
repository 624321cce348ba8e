package dev.respite.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

/**
 * Jedis 8's {@code RedisClusterClient} (its {@code JedisCluster} is deprecated in 8.x; both run the same
 * cluster executor), with a pool of {@link ClusterClient#POOL_SIZE_PER_NODE} connections per node, otherwise
 * Jedis' defaults: every command borrows a connection of the key's node and returns it.
 */
final class JedisClusterClient implements ClusterClient {

  private final RedisClusterClient client;

  JedisClusterClient(List<String> seeds, long maxWaitMillis) {
    Set<HostAndPort> nodes = seeds.stream().map(HostAndPort::from).collect(Collectors.toSet());
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(POOL_SIZE_PER_NODE);
    pool.setMaxIdle(POOL_SIZE_PER_NODE);
    pool.setMaxWait(Duration.ofMillis(maxWaitMillis));
    this.client = RedisClusterClient.builder().nodes(nodes).poolConfig(pool).build();
  }

  @Override
  public boolean set(String key, String value) {
    return "OK".equals(client.set(key, value));
  }

  @Override
  public @Nullable String get(String key) {
    return client.get(key);
  }

  @Override
  public void close() {
    client.close();
  }
}
