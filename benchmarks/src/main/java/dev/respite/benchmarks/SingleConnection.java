package dev.respite.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One client holding one connection for a whole trial, the way an application uses {@code new Jedis()},
 * a Lettuce {@code StatefulRedisConnection} or one Respite session kept open.
 */
interface SingleConnection extends AutoCloseable {

  void set(String key, String value);

  @Nullable String get(String key);

  void set(byte[] key, byte[] value);

  byte @Nullable [] get(byte[] key);

  @Override
  void close();

  static SingleConnection open(Client client, BenchmarkServer server) {
    switch (client) {
      case RESPITE:
        return new RespiteSingleConnection(server);
      case JEDIS:
        return new JedisSingleConnection(server);
      case LETTUCE:
        return new LettuceSingleConnection(server);
      default:
        throw new IllegalArgumentException("no single-connection form for " + client.label());
    }
  }
}
