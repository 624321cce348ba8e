package dev.respite.benchmarks;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lettuce's {@code RedisClusterClient} with one shared {@code StatefulRedisClusterConnection} used by every
 * thread (Lettuce's default way: it holds one connection per node and multiplexes the threads' commands on
 * them), sync API, default options.
 */
final class LettuceClusterClient implements ClusterClient {

  private final RedisClusterClient client;
  private final StatefulRedisClusterConnection<String, String> connection;
  private final RedisAdvancedClusterCommands<String, String> commands;

  LettuceClusterClient(List<String> seeds) {
    List<RedisURI> uris = seeds.stream().map(seed -> {
      int colon = seed.lastIndexOf(':');
      return RedisURI.create(seed.substring(0, colon), Integer.parseInt(seed.substring(colon + 1)));
    }).toList();
    this.client = RedisClusterClient.create(uris);
    this.connection = client.connect(StringCodec.UTF8);
    this.commands = connection.sync();
  }

  @Override
  public boolean set(String key, String value) {
    return "OK".equals(commands.set(key, value));
  }

  @Override
  public @Nullable String get(String key) {
    return commands.get(key);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
