package dev.respite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated configuration of a {@link RedisDataSource}.
 *
 * <p>Made by {@link #builder()} or parsed by {@link #fromUrl(String)}; each option is a {@link RedisOption}
 * with the same name in both. Invalid values fail when set, with an {@link IllegalArgumentException} naming
 * the option; {@link #toString()} never shows the password.
 */
public final class RedisConfig {
  private final Map<RedisOption<?>, Object> values;

  private RedisConfig(Map<RedisOption<?>, Object> values) {
    this.values = values;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses {@code redis://[[user]:password@]host[:port][/database][?option=value&...]}, for example
   * {@code redis://:s3cret@localhost:6380/2?socketTimeout=2s&poolMaxTotal=16}. User and password may be
   * percent-encoded. {@code rediss://} is the same with {@code tls=true}.
   *
   * @throws IllegalArgumentException naming the part or option that is wrong
   */
  public static RedisConfig fromUrl(String url) {
    return builder().url(url).build();
  }

  /** A builder holding this configuration's values, to derive another. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.values.putAll(values);
    return builder;
  }

  /**
   * The value of an option, or its default.
   *
   * @return null only for an option that is unset by default, such as {@code password}
   */
  public <T> @Nullable T get(RedisOption<T> option) {
    Object value = values.get(option);
    return value == null ? option.defaultValue() : option.type().cast(value);
  }

  private <T> T require(RedisOption<T> option) {
    T value = get(option);
    if (value == null) {
      throw new IllegalStateException("Option " + option + " has no default");
    }
    return value;
  }

  /** Server host name or address. */
  public String host() {
    return require(RedisOption.HOST);
  }

  /** Server TCP port. */
  public int port() {
    return require(RedisOption.PORT);
  }

  /** Database of {@link RedisDataSource#openSession()}. */
  public int database() {
    return require(RedisOption.DATABASE);
  }

  /** ACL user name, or null for the default user. */
  public @Nullable String username() {
    return get(RedisOption.USERNAME);
  }

  /** Password, or null when the server needs none. */
  public @Nullable String password() {
    return get(RedisOption.PASSWORD);
  }

  /** Name set with {@code CLIENT SETNAME}, or null. */
  public @Nullable String clientName() {
    return get(RedisOption.CLIENT_NAME);
  }

  /** RESP version: 2 or 3. */
  public int protocol() {
    return require(RedisOption.PROTOCOL);
  }

  /** Longest wait for a TCP connect. */
  public Duration connectTimeout() {
    return require(RedisOption.CONNECT_TIMEOUT);
  }

  /** Longest wait for a reply. */
  public Duration socketTimeout() {
    return require(RedisOption.SOCKET_TIMEOUT);
  }

  /** Pool name, or null to let the data source number it. */
  public @Nullable String poolName() {
    return get(RedisOption.POOL_NAME);
  }

  /** Most connections open at once. */
  public int poolMaxTotal() {
    return require(RedisOption.POOL_MAX_TOTAL);
  }

  /** Most idle connections kept. */
  public int poolMaxIdle() {
    Integer maxIdle = get(RedisOption.POOL_MAX_IDLE);
    return maxIdle == null ? poolMaxTotal() : maxIdle;
  }

  /** Idle connections kept open even when unused. */
  public int poolMinIdle() {
    return require(RedisOption.POOL_MIN_IDLE);
  }

  /** Longest wait for a free connection. */
  public Duration poolMaxWait() {
    return require(RedisOption.POOL_MAX_WAIT);
  }

  /** Idle time after which a connection above {@code poolMinIdle} is closed. */
  public Duration poolIdleTimeout() {
    return require(RedisOption.POOL_IDLE_TIMEOUT);
  }

  /** Age after which a connection is replaced (less a random jitter); zero means no limit. */
  public Duration poolMaxLifetime() {
    return require(RedisOption.POOL_MAX_LIFETIME);
  }

  /** Hold time after which an open session is logged as a possible leak; zero means off. */
  public Duration leakDetectionThreshold() {
    return require(RedisOption.LEAK_DETECTION_THRESHOLD);
  }

  /** Duration from which a command is logged at WARNING; zero means off. */
  public Duration slowCommandThreshold() {
    return require(RedisOption.SLOW_COMMAND_THRESHOLD);
  }

  /** Shared connections (lanes) sessions multiplex over; 0 when every session borrows a connection. */
  public int multiplex() {
    return require(RedisOption.MULTIPLEX);
  }

  /** Most commands in flight on one lane. */
  public int multiplexMaxInFlight() {
    return require(RedisOption.MULTIPLEX_MAX_IN_FLIGHT);
  }

  /** How often a subscriber pings its server. */
  public Duration subscriberPingInterval() {
    return require(RedisOption.SUBSCRIBER_PING_INTERVAL);
  }

  /** How the servers are arranged: one server, Sentinel or Cluster. */
  public Topology topology() {
    if (get(RedisOption.SENTINEL_MASTER) != null) {
      return Topology.SENTINEL;
    }
    return require(RedisOption.CLUSTER) ? Topology.CLUSTER : Topology.STANDALONE;
  }

  /**
   * The sentinels or cluster seeds as {@code host:port} ({@code [::1]:port} for IPv6), each port defaulted
   * (26379 for a sentinel, 6379 otherwise); {@code [host:port]} when {@link RedisOption#NODES} is unset.
   */
  public List<String> nodes() {
    String nodes = get(RedisOption.NODES);
    if (nodes == null) {
      return List.of(HostPort.format(host(), port()));
    }
    int defaultPort = topology() == Topology.SENTINEL ? 26379 : 6379;
    List<String> list = new ArrayList<>();
    for (String node : nodes.split(",")) {
      list.add(HostPort.parse(node, defaultPort, "option nodes"));
    }
    return Collections.unmodifiableList(list);
  }

  /** The name the sentinels know the primary by, or null when this is not a Sentinel data source. */
  public @Nullable String sentinelMaster() {
    return get(RedisOption.SENTINEL_MASTER);
  }

  /** ACL user for the sentinels, or null. */
  public @Nullable String sentinelUsername() {
    return get(RedisOption.SENTINEL_USERNAME);
  }

  /** Password for the sentinels, or null when they need none. */
  public @Nullable String sentinelPassword() {
    return get(RedisOption.SENTINEL_PASSWORD);
  }

  /** How often the sentinels are polled for the primary's address; zero means never. */
  public Duration sentinelPollInterval() {
    return require(RedisOption.SENTINEL_POLL_INTERVAL);
  }

  /** How often a cluster's slot map is refreshed; zero means only after redirects and failures. */
  public Duration clusterRefreshPeriod() {
    return require(RedisOption.CLUSTER_REFRESH_PERIOD);
  }

  /** Most redirects one cluster command follows. */
  public int clusterMaxRedirects() {
    return require(RedisOption.CLUSTER_MAX_REDIRECTS);
  }

  /** Where read-only sessions read. */
  public ReadFrom readFrom() {
    return require(RedisOption.READ_FROM);
  }

  /** Whether connections use TLS. */
  public boolean tls() {
    return require(RedisOption.TLS);
  }

  /** PEM file of the CA certificates to trust, or null for the JDK's trust store. */
  public @Nullable String tlsCaCertificate() {
    return get(RedisOption.TLS_CA_CERTIFICATE);
  }

  /** PEM file of the client certificate, or null to send none. */
  public @Nullable String tlsClientCertificate() {
    return get(RedisOption.TLS_CLIENT_CERTIFICATE);
  }

  /** PEM file of the client certificate's private key, or null. */
  public @Nullable String tlsClientKey() {
    return get(RedisOption.TLS_CLIENT_KEY);
  }

  /** Whether TLS accepts any certificate and host name: encryption without authentication. */
  public boolean tlsInsecureSkipVerify() {
    return require(RedisOption.TLS_INSECURE_SKIP_VERIFY);
  }

  /** Largest string reply accepted, in bytes. */
  public int maxBulkLength() {
    return require(RedisOption.MAX_BULK_LENGTH);
  }

  /** Deepest nesting of aggregates accepted in a reply. */
  public int maxNestingDepth() {
    return require(RedisOption.MAX_NESTING_DEPTH);
  }

  /** The options that differ from their defaults, in table order, the password shown as {@code ****}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "RedisConfig{", "}");
    for (RedisOption<?> option : RedisOption.all()) {
      appendIfSet(text, option);
    }
    return text.toString();
  }

  private <T> void appendIfSet(StringJoiner text, RedisOption<T> option) {
    T value = get(option);
    if (value != null && (values.containsKey(option) || option == RedisOption.HOST
        || option == RedisOption.PORT || option == RedisOption.DATABASE)) {
      text.add(option.name() + "=" + option.format(value));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisConfig && ((RedisConfig) other).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Builds a {@link RedisConfig}. Each setter validates its value at once. Not thread-safe. */
  public static final class Builder {
    private final Map<RedisOption<?>, Object> values = new HashMap<>();

    private Builder() {}

    /**
     * Sets an option.
     *
     * @throws IllegalArgumentException if the value breaks the option's rules
     */
    public <T> Builder set(RedisOption<T> option, T value) {
      values.put(option, option.validate(value));
      return this;
    }

    /**
     * Sets an option by name from its text, as in a URL query.
     *
     * @throws IllegalArgumentException if no option has that name or the text is not a valid value
     */
    public Builder set(String name, String text) {
      RedisOption<?> option = RedisOption.byName(name).orElseThrow(() -> new IllegalArgumentException(
          "Unknown option '" + name + "'; known options: " + RedisOption.all()));
      values.put(option, option.parse(text));
      return this;
    }

    /** Resets an option to its default. */
    public Builder unset(RedisOption<?> option) {
      values.remove(option);
      return this;
    }

    /** Applies the parts and options of a {@code redis://} URL; see {@link RedisConfig#fromUrl(String)}. */
    public Builder url(String url) {
      RedisUrl.apply(url, this);
      return this;
    }

    boolean isSet(RedisOption<?> option) {
      return values.containsKey(option);
    }

    @Nullable Object value(RedisOption<?> option) {
      return values.get(option);
    }

    /** Sets {@link RedisOption#HOST}. */
    public Builder host(String host) {
      return set(RedisOption.HOST, host);
    }

    /** Sets {@link RedisOption#PORT}. */
    public Builder port(int port) {
      return set(RedisOption.PORT, port);
    }

    /** Sets {@link RedisOption#DATABASE}. */
    public Builder database(int database) {
      return set(RedisOption.DATABASE, database);
    }

    /** Sets {@link RedisOption#USERNAME}. */
    public Builder username(String username) {
      return set(RedisOption.USERNAME, username);
    }

    /** Sets {@link RedisOption#PASSWORD}. */
    public Builder password(String password) {
      return set(RedisOption.PASSWORD, password);
    }

    /** Sets {@link RedisOption#CLIENT_NAME}. */
    public Builder clientName(String clientName) {
      return set(RedisOption.CLIENT_NAME, clientName);
    }

    /** Sets {@link RedisOption#PROTOCOL}. */
    public Builder protocol(int protocol) {
      return set(RedisOption.PROTOCOL, protocol);
    }

    /** Sets {@link RedisOption#CONNECT_TIMEOUT}. */
    public Builder connectTimeout(Duration timeout) {
      return set(RedisOption.CONNECT_TIMEOUT, timeout);
    }

    /** Sets {@link RedisOption#SOCKET_TIMEOUT}. */
    public Builder socketTimeout(Duration timeout) {
      return set(RedisOption.SOCKET_TIMEOUT, timeout);
    }

    /** Sets {@link RedisOption#POOL_NAME}. */
    public Builder poolName(String poolName) {
      return set(RedisOption.POOL_NAME, poolName);
    }

    /** Sets {@link RedisOption#POOL_MAX_TOTAL}. */
    public Builder poolMaxTotal(int maxTotal) {
      return set(RedisOption.POOL_MAX_TOTAL, maxTotal);
    }

    /** Sets {@link RedisOption#POOL_MAX_IDLE}. */
    public Builder poolMaxIdle(int maxIdle) {
      return set(RedisOption.POOL_MAX_IDLE, maxIdle);
    }

    /** Sets {@link RedisOption#POOL_MIN_IDLE}. */
    public Builder poolMinIdle(int minIdle) {
      return set(RedisOption.POOL_MIN_IDLE, minIdle);
    }

    /** Sets {@link RedisOption#POOL_MAX_WAIT}. */
    public Builder poolMaxWait(Duration maxWait) {
      return set(RedisOption.POOL_MAX_WAIT, maxWait);
    }

    /** Sets {@link RedisOption#POOL_IDLE_TIMEOUT}. */
    public Builder poolIdleTimeout(Duration idleTimeout) {
      return set(RedisOption.POOL_IDLE_TIMEOUT, idleTimeout);
    }

    /** Sets {@link RedisOption#POOL_MAX_LIFETIME}; zero means no limit. */
    public Builder poolMaxLifetime(Duration maxLifetime) {
      return set(RedisOption.POOL_MAX_LIFETIME, maxLifetime);
    }

    /** Sets {@link RedisOption#LEAK_DETECTION_THRESHOLD}; zero turns leak detection off. */
    public Builder leakDetectionThreshold(Duration threshold) {
      return set(RedisOption.LEAK_DETECTION_THRESHOLD, threshold);
    }

    /** Sets {@link RedisOption#SLOW_COMMAND_THRESHOLD}; zero turns the slow-command log off. */
    public Builder slowCommandThreshold(Duration threshold) {
      return set(RedisOption.SLOW_COMMAND_THRESHOLD, threshold);
    }

    /** Sets {@link RedisOption#MULTIPLEX}. */
    public Builder multiplex(int lanes) {
      return set(RedisOption.MULTIPLEX, lanes);
    }

    /** Sets {@link RedisOption#MULTIPLEX_MAX_IN_FLIGHT}. */
    public Builder multiplexMaxInFlight(int commands) {
      return set(RedisOption.MULTIPLEX_MAX_IN_FLIGHT, commands);
    }

    /** Sets {@link RedisOption#SUBSCRIBER_PING_INTERVAL}. */
    public Builder subscriberPingInterval(Duration interval) {
      return set(RedisOption.SUBSCRIBER_PING_INTERVAL, interval);
    }

    /** Sets {@link RedisOption#TLS}. */
    public Builder tls(boolean tls) {
      return set(RedisOption.TLS, tls);
    }

    /** Sets {@link RedisOption#TLS_CA_CERTIFICATE}: a PEM file path. */
    public Builder tlsCaCertificate(String pemFile) {
      return set(RedisOption.TLS_CA_CERTIFICATE, pemFile);
    }

    /**
     * Sets {@link RedisOption#TLS_CLIENT_CERTIFICATE} and {@link RedisOption#TLS_CLIENT_KEY}: PEM file paths
     * of the certificate a server with {@code tls-auth-clients} asks for, and of its private key.
     */
    public Builder tlsClientCertificate(String certificatePemFile, String keyPemFile) {
      set(RedisOption.TLS_CLIENT_CERTIFICATE, certificatePemFile);
      return set(RedisOption.TLS_CLIENT_KEY, keyPemFile);
    }

    /** Sets {@link RedisOption#TLS_INSECURE_SKIP_VERIFY}: never in production. */
    public Builder tlsInsecureSkipVerify(boolean skip) {
      return set(RedisOption.TLS_INSECURE_SKIP_VERIFY, skip);
    }

    /** Sets {@link RedisOption#MAX_BULK_LENGTH}. */
    public Builder maxBulkLength(int bytes) {
      return set(RedisOption.MAX_BULK_LENGTH, bytes);
    }

    /** Sets {@link RedisOption#MAX_NESTING_DEPTH}. */
    public Builder maxNestingDepth(int depth) {
      return set(RedisOption.MAX_NESTING_DEPTH, depth);
    }

    /** Sets {@link RedisOption#NODES} from {@code host[:port]} entries. */
    public Builder nodes(String... nodes) {
      return set(RedisOption.NODES, String.join(",", nodes));
    }

    /** Sets {@link RedisOption#SENTINEL_MASTER}: the data source follows that primary through Sentinel. */
    public Builder sentinelMaster(String masterName) {
      return set(RedisOption.SENTINEL_MASTER, masterName);
    }

    /** Sets {@link RedisOption#SENTINEL_USERNAME}. */
    public Builder sentinelUsername(String username) {
      return set(RedisOption.SENTINEL_USERNAME, username);
    }

    /** Sets {@link RedisOption#SENTINEL_PASSWORD}. */
    public Builder sentinelPassword(String password) {
      return set(RedisOption.SENTINEL_PASSWORD, password);
    }

    /** Sets {@link RedisOption#SENTINEL_POLL_INTERVAL}; zero turns polling off. */
    public Builder sentinelPollInterval(Duration interval) {
      return set(RedisOption.SENTINEL_POLL_INTERVAL, interval);
    }

    /** Sets {@link RedisOption#CLUSTER}. */
    public Builder cluster(boolean cluster) {
      return set(RedisOption.CLUSTER, cluster);
    }

    /** Sets {@link RedisOption#CLUSTER_REFRESH_PERIOD}; zero turns periodic refresh off. */
    public Builder clusterRefreshPeriod(Duration period) {
      return set(RedisOption.CLUSTER_REFRESH_PERIOD, period);
    }

    /** Sets {@link RedisOption#CLUSTER_MAX_REDIRECTS}. */
    public Builder clusterMaxRedirects(int redirects) {
      return set(RedisOption.CLUSTER_MAX_REDIRECTS, redirects);
    }

    /** Sets {@link RedisOption#READ_FROM}. */
    public Builder readFrom(ReadFrom readFrom) {
      return set(RedisOption.READ_FROM, readFrom);
    }

    /**
     * Checks the options against each other and builds the configuration.
     *
     * @throws IllegalArgumentException if options contradict each other
     */
    public RedisConfig build() {
      RedisConfig config = new RedisConfig(new HashMap<>(values));
      if (config.username() != null && config.password() == null) {
        throw new IllegalArgumentException("Option username needs option password as well");
      }
      if (config.poolMaxIdle() > config.poolMaxTotal()) {
        throw new IllegalArgumentException("Option poolMaxIdle (" + config.poolMaxIdle()
            + ") must not exceed poolMaxTotal (" + config.poolMaxTotal() + ")");
      }
      if (config.poolMinIdle() > config.poolMaxIdle()) {
        throw new IllegalArgumentException("Option poolMinIdle (" + config.poolMinIdle()
            + ") must not exceed poolMaxIdle (" + config.poolMaxIdle() + ")");
      }
      if (!config.tls() && (config.tlsCaCertificate() != null || config.tlsInsecureSkipVerify()
          || config.tlsClientCertificate() != null || config.tlsClientKey() != null)) {
        throw new IllegalArgumentException("Options tlsCaCertificate, tlsClientCertificate, tlsClientKey and"
            + " tlsInsecureSkipVerify need tls=true (or a rediss:// URL)");
      }
      if ((config.tlsClientCertificate() == null) != (config.tlsClientKey() == null)) {
        throw new IllegalArgumentException("Options tlsClientCertificate and tlsClientKey go together: set both"
            + " or neither");
      }
      if (config.tlsCaCertificate() != null && config.tlsInsecureSkipVerify()) {
        throw new IllegalArgumentException("Option tlsCaCertificate contradicts tlsInsecureSkipVerify=true,"
            + " which trusts any certificate: set one or the other");
      }
      if (config.sentinelMaster() != null && Boolean.TRUE.equals(config.get(RedisOption.CLUSTER))) {
        throw new IllegalArgumentException("Options sentinelMaster and cluster=true contradict each other:"
            + " a data source follows either a Sentinel primary or a cluster");
      }
      if (config.sentinelUsername() != null && config.sentinelPassword() == null) {
        throw new IllegalArgumentException("Option sentinelUsername needs option sentinelPassword as well");
      }
      if (config.topology() == Topology.CLUSTER && config.database() != 0) {
        throw new IllegalArgumentException("Option database is " + config.database()
            + ", but a Redis Cluster has only database 0");
      }
      config.nodes(); // fails now, naming the entry, rather than at the first connect
      return config;
    }
  }
}
