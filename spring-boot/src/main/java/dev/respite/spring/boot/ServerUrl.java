package dev.respite.spring.boot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The {@code redis://} URL of a server found by a service connection (a container, a Compose service). */
public final class ServerUrl {
  /** The port Redis-compatible images listen on inside their container. */
  public static final int REDIS_PORT = 6379;

  private ServerUrl() {}

  /** {@code redis://[:password@]host:port}, the password percent-encoded; no password when null or empty. */
  public static String of(String host, int port, @Nullable String password) {
    String credentials = password == null || password.isEmpty() ? ""
        : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@";
    String address = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return "redis://" + credentials + address + ":" + port;
  }
}
