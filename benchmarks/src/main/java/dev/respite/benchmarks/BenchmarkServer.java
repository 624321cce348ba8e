package dev.respite.benchmarks;

import dev.respite.testsupport.LocalRedisServer;
import org.jspecify.annotations.Nullable;

/**
 * The redis-server a benchmark talks to: the one the suite started (system properties
 * {@value #HOST_PROPERTY} and {@value #PORT_PROPERTY}), or, when a benchmark is run on its own through
 * JMH's main class, a throwaway server started for the trial and stopped after it.
 */
final class BenchmarkServer implements AutoCloseable {

  static final String HOST_PROPERTY = "respite.bench.host";
  static final String PORT_PROPERTY = "respite.bench.port";

  private final String host;
  private final int port;
  private final @Nullable LocalRedisServer owned;

  private BenchmarkServer(String host, int port, @Nullable LocalRedisServer owned) {
    this.host = host;
    this.port = port;
    this.owned = owned;
  }

  /** The suite's server when the properties are set, else a new throwaway one. */
  static BenchmarkServer acquire() {
    String port = System.getProperty(PORT_PROPERTY);
    if (port != null) {
      return new BenchmarkServer(System.getProperty(HOST_PROPERTY, "127.0.0.1"), Integer.parseInt(port), null);
    }
    LocalRedisServer server = LocalRedisServer.launch();
    return new BenchmarkServer(server.host(), server.port(), server);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** A Respite URL for this server with the given query, e.g. {@code "poolMaxTotal=16"}. */
  String respiteUrl(String query) {
    return "redis://" + host + ":" + port + "/0" + (query.isEmpty() ? "" : "?" + query);
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }
}
