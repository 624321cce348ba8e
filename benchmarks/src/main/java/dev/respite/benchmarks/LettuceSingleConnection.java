package dev.respite.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/**
 * Lettuce's sync API on one {@code StatefulRedisConnection}. A connection has one codec, so String and
 * byte[] commands each get their own connection, opened on first use (a benchmark uses only one).
 */
final class LettuceSingleConnection implements SingleConnection {

  private final RedisClient client;
  private @Nullable StatefulRedisConnection<String, String> text;
  private @Nullable StatefulRedisConnection<byte[], byte[]> binary;

  LettuceSingleConnection(BenchmarkServer server) {
    this.client = RedisClient.create(RedisURI.create(server.host(), server.port()));
  }

  private RedisCommands<String, String> text() {
    StatefulRedisConnection<String, String> connection = text;
    if (connection == null) {
      connection = client.connect(StringCodec.UTF8);
      text = connection;
    }
    return connection.sync();
  }

  private RedisCommands<byte[], byte[]> binary() {
    StatefulRedisConnection<byte[], byte[]> connection = binary;
    if (connection == null) {
      connection = client.connect(ByteArrayCodec.INSTANCE);
      binary = connection;
    }
    return connection.sync();
  }

  @Override
  public void set(String key, String value) {
    text().set(key, value);
  }

  @Override
  public @Nullable String get(String key) {
    return text().get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    binary().set(key, value);
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return binary().get(key);
  }

  @Override
  public void close() {
    if (text != null) {
      text.close();
    }
    if (binary != null) {
      binary.close();
    }
    client.shutdown();
  }
}
