package dev.respite.metrics;

import dev.respite.RedisConfig;
import dev.respite.Topology;

/**
 * The {@code server.address} and {@code server.port} a data source's meters and spans carry: its host and port,
 * or for a Redis Cluster, whose URL names seeds rather than one server, its first seed.
 *
 * @param host the host, an IPv6 address without brackets
 * @param port the port
 */
record ServerAddress(String host, int port) {

  static ServerAddress of(RedisConfig config) {
    if (config.topology() != Topology.CLUSTER) {
      return new ServerAddress(config.host(), config.port());
    }
    return parse(config.nodes().get(0)); // host:port, [v6]:port; checked by RedisConfig
  }

  /**
   * The address of {@code host:port}, {@code [v6]:port} or {@code v6:port}, as the driver's events and node pool
   * names write a node.
   *
   * @throws IllegalArgumentException if there is no port after the last colon
   */
  static ServerAddress parse(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not host:port: " + hostAndPort);
    }
    String host = hostAndPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ServerAddress(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
  }

  /** The port as a tag value. */
  String portTag() {
    return Integer.toString(port);
  }
}
