package dev.respite.impl.topology;

/**
 * Where a Redis node listens, as a server reports it ({@code CLUSTER SLOTS}, {@code MOVED}, Sentinel replies).
 *
 * @param host an IP address or host name, never empty
 * @param port 1 to 65535
 */
public record NodeAddress(String host, int port) {

  /**
   * @throws IllegalArgumentException for an empty host or a port out of range
   */
  public NodeAddress {
    if (host.isEmpty()) {
      throw new IllegalArgumentException("A node address needs a host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("A node's port must be in 1..65535, got " + port + " for host " + host);
    }
  }

  /**
   * Parses {@code host:port}, the port after the last colon so that an IPv6 host works bare ({@code ::1:6379},
   * as servers send it) or in brackets ({@code [::1]:6379}, as {@code RedisConfig.nodes()} writes it); an
   * empty host ({@code :6380}, as a node with an unknown endpoint sends it) means {@code hostIfEmpty}.
   *
   * @throws IllegalArgumentException naming the text if it has no colon or no valid port
   */
  public static NodeAddress parse(String hostAndPort, String hostIfEmpty) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not a host:port address: \"" + hostAndPort + "\"");
    }
    String host = hostAndPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new NodeAddress(host.isEmpty() ? hostIfEmpty : host, parsePort(hostAndPort.substring(colon + 1),
        hostAndPort));
  }

  /** The port in {@code text}, or an exception naming {@code context}. */
  public static int parsePort(String text, String context) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a port number: \"" + text + "\" in \"" + context + "\"");
    }
  }

  /** {@code host:port}. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
