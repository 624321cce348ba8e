package dev.respite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One configuration option: its name, type, default, meaning and rules, defined once and used by the
 * builder ({@link RedisConfig.Builder#set(RedisOption, Object)}), the URL query
 * ({@code ?socketTimeout=2s}), validation and the README's option table.
 *
 * @param <T> the option's value type
 */
public final class RedisOption<T> {
  private static final List<RedisOption<?>> ALL = new ArrayList<>();

  /** Server host name or address. */
  public static final RedisOption<String> HOST = string("host", "localhost",
      "Server host name or IP address.", RedisOption::noWhitespace, "must be a host name without spaces");
  /** Server TCP port. */
  public static final RedisOption<Integer> PORT = integer("port", 6379, "Server TCP port.", 1, 65_535);
  /** Database index a session uses unless it asks for another. */
  public static final RedisOption<Integer> DATABASE = integer("database", 0,
      "Database index of openSession(); the URL path /N sets it too.", 0, Integer.MAX_VALUE);
  /** ACL user name, sent with the password. */
  public static final RedisOption<String> USERNAME = string("username", null,
      "ACL user for AUTH (Redis 6+); needs password.", s -> !s.isEmpty(), "must not be empty");
  /** Password sent by {@code AUTH}; never printed. */
  public static final RedisOption<String> PASSWORD = new RedisOption<>("password", String.class, null,
      "Password for AUTH; never printed or logged.", Function.identity(), s -> true, "", true);
  /** Name each connection gives itself with {@code CLIENT SETNAME}. */
  public static final RedisOption<String> CLIENT_NAME = string("clientName", null,
      "Name set with CLIENT SETNAME, shown by CLIENT LIST.", RedisOption::noWhitespace,
      "must be non-empty and contain no spaces or newlines");
  /** RESP version: 2, or 3 to use {@code HELLO 3}. */
  public static final RedisOption<Integer> PROTOCOL = integer("protocol", 2,
      "RESP version: 2 (any server), or 3 (HELLO 3, Redis 6+).", 2, 3);
  /** How long a TCP connect may take. */
  public static final RedisOption<Duration> CONNECT_TIMEOUT = duration("connectTimeout",
      Duration.ofSeconds(2), "Longest wait for a TCP connect.", false);
  /** How long a reply may take; the connection is destroyed when it does not come. */
  public static final RedisOption<Duration> SOCKET_TIMEOUT = duration("socketTimeout",
      Duration.ofSeconds(2), "Longest wait for a whole reply (each, in a pipeline); then the connection is destroyed.",
      false);
  /** Name of the pool in messages and metrics. */
  public static final RedisOption<String> POOL_NAME = string("poolName", null,
      "Pool name in messages and metrics; default respite-N.", RedisOption::noWhitespace,
      "must be non-empty and contain no spaces");
  /** Most connections open at once. */
  public static final RedisOption<Integer> POOL_MAX_TOTAL = integer("poolMaxTotal", 8,
      "Most connections open at once.", 1, 100_000);
  /** Most idle connections kept; null means {@link #POOL_MAX_TOTAL}. */
  public static final RedisOption<Integer> POOL_MAX_IDLE = integer("poolMaxIdle", null,
      "Most idle connections kept; default poolMaxTotal.", 0, 100_000);
  /** Idle connections kept open even when unused. */
  public static final RedisOption<Integer> POOL_MIN_IDLE = integer("poolMinIdle", 0,
      "Idle connections opened ahead of use and kept.", 0, 100_000);
  /** Longest wait to borrow a connection. */
  public static final RedisOption<Duration> POOL_MAX_WAIT = duration("poolMaxWait", Duration.ofSeconds(2),
      "Longest wait for a free connection; then RedisPoolExhaustedException.", true);
  /** Idle time after which a connection above poolMinIdle is closed. */
  public static final RedisOption<Duration> POOL_IDLE_TIMEOUT = duration("poolIdleTimeout",
      Duration.ofMinutes(10), "Idle time after which a connection above poolMinIdle is closed.", false);
  /** Longest a connection lives before it is replaced; zero means no limit. */
  public static final RedisOption<Duration> POOL_MAX_LIFETIME = duration("poolMaxLifetime",
      Duration.ofMinutes(30), "Age after which a connection is replaced once no session uses it, less up to "
          + "2.5% random jitter so that a fleet does not reconnect at once; 0s = no limit.", true);
  /** How long a session may hold its connection before a possible leak is logged; zero means off. */
  public static final RedisOption<Duration> LEAK_DETECTION_THRESHOLD = duration("leakDetectionThreshold",
      Duration.ZERO, "Hold time after which an open session is logged as a possible leak, with the stack "
          + "trace of where it was borrowed; 0s = off.", true);
  /** Duration above which a command is logged at WARNING; zero means off. */
  public static final RedisOption<Duration> SLOW_COMMAND_THRESHOLD = duration("slowCommandThreshold",
      Duration.ZERO, "Duration from which a command (or pipeline, transaction) is logged at WARNING with its name, "
          + "server, database, duration and connection wait, never its arguments; 0s = off.", true);
  /** How often a subscriber pings its server, to find a connection that died without closing. */
  public static final RedisOption<Duration> SUBSCRIBER_PING_INTERVAL = duration("subscriberPingInterval",
      Duration.ofSeconds(10), "How often a subscriber PINGs; no reply within this plus socketTimeout means a dead "
          + "connection, which it replaces.", false);
  /** Shared connections (lanes) that unpinned sessions multiplex their commands over; 0 turns it off. */
  public static final RedisOption<Integer> MULTIPLEX = integer("multiplex", 0,
      "Shared connections per data source that sessions multiplex commands over until one needs a connection "
          + "of its own (see Multiplexing); 0 = every session borrows one.", 0, 64);
  /** Most commands in flight on one lane; beyond it callers wait at most {@link #POOL_MAX_WAIT}. */
  public static final RedisOption<Integer> MULTIPLEX_MAX_IN_FLIGHT = integer("multiplexMaxInFlight", 1024,
      "Most commands written or waiting on one lane; beyond it callers wait up to poolMaxWait.", 1, 1_000_000);
  /**
   * The sentinels ({@code redis-sentinel://}) or the cluster's seed nodes ({@code redis-cluster://}): a comma
   * list of {@code host[:port]}; unset, {@code host:port}.
   */
  public static final RedisOption<String> NODES = string("nodes", null,
      "Sentinels or cluster seed nodes, comma-separated host[:port] (Sentinel port 26379 by default); the "
          + "redis-sentinel:// and redis-cluster:// URLs set it.", RedisOption::isNodeList,
      "must be a comma-separated list of host[:port]");
  /** The name Sentinel knows the primary by; setting it makes the data source follow that primary. */
  public static final RedisOption<String> SENTINEL_MASTER = string("sentinelMaster", null,
      "Name of the primary the sentinels watch; the path of a redis-sentinel:// URL sets it.",
      RedisOption::noWhitespace, "must be a name without spaces");
  /** ACL user for the sentinels (the data nodes use {@link #USERNAME}). */
  public static final RedisOption<String> SENTINEL_USERNAME = string("sentinelUsername", null,
      "ACL user for AUTH to the sentinels; needs sentinelPassword.", s -> !s.isEmpty(), "must not be empty");
  /** Password for the sentinels; never printed. */
  public static final RedisOption<String> SENTINEL_PASSWORD = new RedisOption<>("sentinelPassword",
      String.class, null, "Password for AUTH to the sentinels; never printed or logged.", Function.identity(),
      s -> true, "", true);
  /** How often the primary's address is asked of the sentinels, besides their notifications; 0 = never. */
  public static final RedisOption<Duration> SENTINEL_POLL_INTERVAL = duration("sentinelPollInterval",
      Duration.ofSeconds(5), "How often the sentinels are asked for the primary's address, in case a "
          + "notification was lost; 0 = only notifications and errors.", true);
  /** Whether {@link #NODES} are seeds of a Redis Cluster; a {@code redis-cluster://} URL sets it. */
  public static final RedisOption<Boolean> CLUSTER = bool("cluster", false,
      "Treat nodes as the seeds of a Redis Cluster; redis-cluster:// sets it.");
  /** How often the cluster's slot map is refreshed besides redirects and failures; 0 = never. */
  public static final RedisOption<Duration> CLUSTER_REFRESH_PERIOD = duration("clusterRefreshPeriod",
      Duration.ofSeconds(15), "How often the cluster's slot map is refreshed besides MOVED and failed "
          + "connects; 0s = only then.", true);
  /** Most MOVED/ASK redirects one command follows. */
  public static final RedisOption<Integer> CLUSTER_MAX_REDIRECTS = integer("clusterMaxRedirects", 5,
      "Most MOVED/ASK redirects one command follows before it fails.", 0, 100);
  /** Where read-only sessions read on a Sentinel or Cluster data source. */
  public static final RedisOption<ReadFrom> READ_FROM = new RedisOption<>("readFrom", ReadFrom.class,
      ReadFrom.PRIMARY, "Where openReadOnlySession() reads: primary, primaryPreferred, replica or "
          + "replicaPreferred (Sentinel and Cluster).", ReadFrom::parse, v -> true, "", false);
  /** Whether to connect with TLS; a {@code rediss://} URL sets it. */
  public static final RedisOption<Boolean> TLS = bool("tls", false,
      "Connect with TLS, verifying the server's certificate and host name; rediss:// sets it.");
  /** PEM file of the CA certificates to trust instead of the JDK's trust store. */
  public static final RedisOption<String> TLS_CA_CERTIFICATE = string("tlsCaCertificate", null,
      "PEM file of the CA certificate(s) to trust instead of the JDK's trust store.", s -> !s.isBlank(),
      "must be a file path");
  /** PEM file of the client certificate (and its chain) for servers that require one. */
  public static final RedisOption<String> TLS_CLIENT_CERTIFICATE = string("tlsClientCertificate", null,
      "PEM file of the client certificate (then its chain) for a server with tls-auth-clients; needs "
          + "tlsClientKey.", s -> !s.isBlank(), "must be a file path");
  /** PEM file of the client certificate's private key, unencrypted PKCS #8. */
  public static final RedisOption<String> TLS_CLIENT_KEY = string("tlsClientKey", null,
      "PEM file of the client certificate's private key (unencrypted PKCS #8, BEGIN PRIVATE KEY).",
      s -> !s.isBlank(), "must be a file path");
  /** Turns off every check of the server's identity; for tests only. */
  public static final RedisOption<Boolean> TLS_INSECURE_SKIP_VERIFY = bool("tlsInsecureSkipVerify", false,
      "INSECURE: accept any server certificate and host name (encryption without authentication); "
          + "logged as a warning.");
  /** Largest bulk string accepted from the server, in bytes. */
  public static final RedisOption<Integer> MAX_BULK_LENGTH = integer("maxBulkLength", 512 * 1024 * 1024,
      "Largest string reply accepted, in bytes (Redis' proto-max-bulk-len).", 1, Integer.MAX_VALUE - 8);
  /** Deepest nesting of aggregates accepted from the server. */
  public static final RedisOption<Integer> MAX_NESTING_DEPTH = integer("maxNestingDepth", 128,
      "Deepest nesting of arrays and maps accepted in a reply.", 1, 10_000);

  private final String name;
  private final Class<T> type;
  private final @Nullable T defaultValue;
  private final String description;
  private final Function<String, T> parser;
  private final Predicate<T> rule;
  private final String ruleText;
  private final boolean secret;

  private RedisOption(String name, Class<T> type, @Nullable T defaultValue, String description,
      Function<String, T> parser, Predicate<T> rule, String ruleText, boolean secret) {
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.parser = parser;
    this.rule = rule;
    this.ruleText = ruleText;
    this.secret = secret;
    ALL.add(this);
  }

  /** Every option, in the order of the README's table. */
  public static List<RedisOption<?>> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The option with this exact name, as used in URLs. */
  public static Optional<RedisOption<?>> byName(String name) {
    return ALL.stream().filter(o -> o.name.equals(name)).findFirst();
  }

  /** The name used by the URL query and the README. */
  public String name() {
    return name;
  }

  /** The value type. */
  public Class<T> type() {
    return type;
  }

  /** The default, or null when the option is unset by default. */
  public @Nullable T defaultValue() {
    return defaultValue;
  }

  /** One line saying what the option does. */
  public String description() {
    return description;
  }

  /** Whether the value is a secret that is never printed. */
  public boolean isSecret() {
    return secret;
  }

  /**
   * Parses a value as written in a URL query: durations as {@code 250ms}, {@code 2s}, {@code 1m},
   * {@code 1h} or ISO-8601 ({@code PT2S}).
   *
   * @throws IllegalArgumentException naming the option and the value (a secret's value excepted)
   */
  public T parse(String text) {
    T value;
    try {
      value = parser.apply(text.trim());
    } catch (IllegalArgumentException e) {
      throw invalid(text, e.getMessage());
    }
    return validate(value);
  }

  /**
   * Checks a value against the option's rules and returns it.
   *
   * @throws IllegalArgumentException naming the option and the value (a secret's value excepted)
   */
  public T validate(T value) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("Option " + name + " takes a " + type.getSimpleName());
    }
    if (!rule.test(value)) {
      throw invalid(format(value), ruleText);
    }
    return value;
  }

  /** The value as written in a URL, or {@code ****} for a secret. */
  public String format(T value) {
    if (secret) {
      return "****";
    }
    return value instanceof Duration ? DurationText.format((Duration) value) : String.valueOf(value);
  }

  @Override
  public String toString() {
    return name;
  }

  private IllegalArgumentException invalid(String text, @Nullable String why) {
    String shown = secret ? "" : " '" + text + "'";
    return new IllegalArgumentException("Invalid value" + shown + " for option " + name
        + (why == null || why.isEmpty() ? "" : ": " + why));
  }

  private static boolean noWhitespace(String s) {
    return !s.isEmpty() && s.chars().noneMatch(Character::isWhitespace);
  }

  private static boolean isNodeList(String s) {
    for (String node : s.split(",", -1)) {
      if (node.isBlank() || node.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
    }
    return true;
  }

  private static RedisOption<String> string(String name, @Nullable String defaultValue, String description,
      Predicate<String> rule, String ruleText) {
    return new RedisOption<>(name, String.class, defaultValue, description, Function.identity(), rule,
        ruleText, false);
  }

  private static RedisOption<Boolean> bool(String name, boolean defaultValue, String description) {
    return new RedisOption<>(name, Boolean.class, defaultValue, description, RedisOption::parseBoolean,
        v -> true, "", false);
  }

  private static Boolean parseBoolean(String text) {
    String s = lower(text);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private static RedisOption<Integer> integer(String name, @Nullable Integer defaultValue,
      String description, int min, int max) {
    return new RedisOption<>(name, Integer.class, defaultValue, description, RedisOption::parseInt,
        v -> v >= min && v <= max, "must be between " + min + " and " + max, false);
  }

  private static RedisOption<Duration> duration(String name, Duration defaultValue, String description,
      boolean zeroAllowed) {
    return new RedisOption<>(name, Duration.class, defaultValue, description, DurationText::parse,
        d -> zeroAllowed ? !d.isNegative() : !d.isNegative() && !d.isZero(),
        zeroAllowed ? "must not be negative" : "must be positive", false);
  }

  private static Integer parseInt(String text) {
    try {
      return Integer.valueOf(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
