package dev.respite;

import org.jspecify.annotations.Nullable;

/** {@code host[:port]} as written in URLs and in {@link RedisOption#NODES}, IPv6 in brackets. */
record HostPort(String host, @Nullable String port) {

  /**
   * The host and the port's text (null when absent) of {@code text}; messages say {@code where} it was and
   * show {@code shown} (the redacted URL, say).
   */
  static HostPort split(String text, String where, String shown) {
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(where + " has an unclosed [IPv6 address]: " + text);
      }
      host = text.substring(1, close);
      String after = text.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new IllegalArgumentException(where + " has text after the [IPv6 address]: " + text);
        }
        port = after.substring(1);
      }
    } else {
      int colon = text.lastIndexOf(':');
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException(where + " has no host: " + text);
    }
    return new HostPort(host, port);
  }

  /** {@code text} with its port checked, or {@code defaultPort} added: {@code host:port}. */
  static String parse(String text, int defaultPort, String where) {
    HostPort parts = split(text.trim(), where, text);
    String port = parts.port();
    try {
      return format(parts.host(), port == null ? defaultPort : RedisOption.PORT.parse(port));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": bad port in " + text + " (" + e.getMessage() + ")", e);
    }
  }

  static String format(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
