package dev.respite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses {@code redis://[[user]:password@]host[:port][/database][?option=value&...]} onto a builder;
 * {@code rediss://} also sets {@code tls=true}. {@code redis-sentinel://host[:port][,host[:port]...]/master}
 * and {@code redis-cluster://host:port[,host:port...]} (and their {@code rediss-} forms) list the sentinels or
 * the cluster's seeds in {@link RedisOption#NODES}.
 */
final class RedisUrl {
  private enum Scheme {
    STANDALONE("redis"), SENTINEL("redis-sentinel"), CLUSTER("redis-cluster");

    final String name;

    Scheme(String name) {
      this.name = name;
    }
  }

  private RedisUrl() {}

  static void apply(String url, RedisConfig.Builder builder) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Redis URL is empty; expected redis://host[:port][/database]");
    }
    int separator = url.indexOf("://");
    String schemeText = separator < 0 ? "" : RedisOption.lower(url.substring(0, separator));
    boolean tls = schemeText.startsWith("rediss");
    Scheme scheme = null;
    for (Scheme candidate : Scheme.values()) {
      if (schemeText.equals(candidate.name) || schemeText.equals(candidate.name.replace("redis", "rediss"))) {
        scheme = candidate;
      }
    }
    if (scheme == null) {
      throw new IllegalArgumentException("Redis URL must start with redis://, rediss:// (TLS), redis-sentinel:// or"
          + " redis-cluster://, got: " + redact(url));
    }
    String rest = url.substring(separator + 3);
    if (rest.indexOf('#') >= 0) {
      throw new IllegalArgumentException("Redis URL must not have a #fragment: " + redact(url));
    }
    int query = rest.indexOf('?');
    String beforeQuery = query < 0 ? rest : rest.substring(0, query);
    // A password may hold '/' or '@' unencoded: the authority ends at the first '/' after the last '@'.
    int at = beforeQuery.lastIndexOf('@');
    int slash = beforeQuery.indexOf('/', at + 1);
    String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String path = slash < 0 ? "" : beforeQuery.substring(slash + 1);
    if (at >= 0) {
      userInfo(authority.substring(0, at), builder, url);
    }
    String hosts = authority.substring(at + 1);
    if (scheme == Scheme.STANDALONE) {
      if (hosts.indexOf(',') >= 0) {
        throw new IllegalArgumentException("A redis:// URL names one server; list sentinels with"
            + " redis-sentinel:// or cluster nodes with redis-cluster://: " + redact(url));
      }
      hostAndPort(hosts, builder, url);
    } else {
      builder.set(RedisOption.NODES.name(), hosts);
    }
    if (scheme == Scheme.SENTINEL) {
      if (path.isEmpty()) {
        throw new IllegalArgumentException("A redis-sentinel:// URL needs the primary's name as its path, as in"
            + " redis-sentinel://host:26379/mymaster: " + redact(url));
      }
      builder.set(RedisOption.SENTINEL_MASTER.name(), decode(path, "primary name"));
    } else if (scheme == Scheme.CLUSTER) {
      builder.set(RedisOption.CLUSTER, true);
      database(path, builder, url);
    } else {
      database(path, builder, url);
    }
    if (query >= 0) {
      options(rest.substring(query + 1), builder);
    }
    if (tls) {
      if (builder.isSet(RedisOption.TLS) && !Boolean.TRUE.equals(builder.value(RedisOption.TLS))) {
        throw new IllegalArgumentException("Option tls=false contradicts the " + schemeText + ":// (TLS) scheme");
      }
      builder.set(RedisOption.TLS, true);
    }
  }

  private static void userInfo(String userInfo, RedisConfig.Builder builder, String url) {
    int colon = userInfo.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "Redis URL credentials must be written user:password@ or :password@ in " + redact(url));
    }
    String user = decode(userInfo.substring(0, colon), "username");
    String password = decode(userInfo.substring(colon + 1), "password");
    if (!user.isEmpty()) {
      builder.username(user);
    }
    if (!password.isEmpty()) {
      builder.password(password);
    }
  }

  private static void hostAndPort(String hostPort, RedisConfig.Builder builder, String url) {
    HostPort parts = HostPort.split(hostPort, "Redis URL", redact(url));
    builder.set(RedisOption.HOST.name(), parts.host());
    String port = parts.port();
    if (port != null) {
      builder.set(RedisOption.PORT.name(), port);
    }
  }

  private static void database(String path, RedisConfig.Builder builder, String url) {
    if (path.isEmpty()) {
      return;
    }
    if (!path.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "Redis URL path must be a database number such as /2, got /" + path + " in " + redact(url));
    }
    builder.set(RedisOption.DATABASE.name(), path);
  }

  private static void options(String query, RedisConfig.Builder builder) {
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "option name");
      if (eq < 0) {
        throw new IllegalArgumentException("Option " + name + " in the Redis URL has no value (name=value)");
      }
      RedisOption<?> option = RedisOption.byName(name).orElseThrow(() -> new IllegalArgumentException(
          "Unknown option '" + name + "' in the Redis URL; known options: " + RedisOption.all()));
      if (builder.isSet(option)) {
        throw new IllegalArgumentException("Option " + name + " is given twice in the Redis URL");
      }
      builder.set(name, decode(pair.substring(eq + 1), name));
    }
  }

  /** Percent-decoding only: unlike form decoding, a '+' in a password stays a '+'. */
  private static String decode(String text, String what) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        continue;
      }
      int value = i + 2 < text.length() ? hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)) : -1;
      if (value < 0) {
        throw new IllegalArgumentException("Bad percent-encoding in the Redis URL's " + what);
      }
      out.write(value);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    int digit = Character.digit(c, 16);
    return digit < 0 ? -1000 : digit;
  }

  /** The URL with any password replaced by {@code ****}, for messages. */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    int query = url.indexOf('?');
    int end = query < 0 ? url.length() : query;
    int at = url.lastIndexOf('@', end - 1);
    if (scheme < 0 || at < scheme) {
      return url;
    }
    int colon = url.indexOf(':', scheme + 3);
    String user = colon >= 0 && colon < at ? url.substring(scheme + 3, colon) : "";
    return url.substring(0, scheme + 3) + user + ":****" + url.substring(at);
  }
}
