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
    String seed = config.nodes().get(0); // host:port, [v6]:port; checked by RedisConfig
    int colon = seed.lastIndexOf(':');
    String host = seed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ServerAddress(host, Integer.parseInt(seed.substring(colon + 1)));
  }
}
