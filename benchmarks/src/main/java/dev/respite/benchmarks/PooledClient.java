package dev.respite.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * A client shared by many threads, each call borrowing a connection, using it and giving it back: a
 * Respite data source, a {@code JedisPool}, Lettuce connections from {@code ConnectionPoolSupport}, or one
 * shared Lettuce connection (no borrowing: Lettuce multiplexes the threads' commands on it).
 */
interface PooledClient extends AutoCloseable {

  /** Connections in the pool (or 1 for the shared Lettuce connection). */
  int POOL_SIZE = 16;

  /** Borrow, GET, return. */
  @Nullable String get(String key);

  /** Borrow, SET, return. */
  void set(String key, String value);

  /**
   * Borrow and return with no command: the pool's own cost.
   *
   * @throws UnsupportedOperationException for the shared Lettuce connection, which has no pool
   */
  void borrowAndReturn();

  @Override
  void close();

  /**
   * @param maxWaitMillis longest wait for a free connection, the same for every client so that none
   *     fails where another would wait
   */
  static PooledClient open(Client client, BenchmarkServer server, long maxWaitMillis) {
    switch (client) {
      case RESPITE:
        return new RespitePooledClient(server, maxWaitMillis, 0);
      case RESPITE_MULTIPLEX:
        return new RespitePooledClient(server, maxWaitMillis, RespitePooledClient.LANES);
      case JEDIS:
        return new JedisPooledClient(server, maxWaitMillis);
      case LETTUCE:
        return new LettuceSharedClient(server);
      case LETTUCE_POOL:
        return new LettucePooledClient(server, maxWaitMillis);
      default:
        throw new IllegalArgumentException("no pooled form for " + client.label());
    }
  }
}
