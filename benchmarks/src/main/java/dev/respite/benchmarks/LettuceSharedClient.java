package dev.respite.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/** One Lettuce connection shared by every thread (thread-safe, commands multiplexed): Lettuce's default. */
final class LettuceSharedClient implements PooledClient {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> commands;

  LettuceSharedClient(BenchmarkServer server) {
    this.client = RedisClient.create(RedisURI.create(server.host(), server.port()));
    this.connection = client.connect(StringCodec.UTF8);
    this.commands = connection.sync();
  }

  @Override
  public @Nullable String get(String key) {
    return commands.get(key);
  }

  @Override
  public void set(String key, String value) {
    commands.set(key, value);
  }

  @Override
  public void borrowAndReturn() {
    throw new UnsupportedOperationException("a shared Lettuce connection has no pool");
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
