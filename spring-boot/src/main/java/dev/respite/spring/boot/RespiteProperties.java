package dev.respite.spring.boot;

import dev.respite.ReadFrom;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code respite.*} properties: {@code respite.url}, and one typed property per driver option
 * ({@code dev.respite.RedisOption}), named after it in kebab case ({@code poolMaxWait} is
 * {@code respite.pool-max-wait}). An option property left unset keeps the value of the URL's query, else the
 * option's default; one that is set wins over the URL. Each field is named exactly as its option, which is how
 * {@link RedisConfigFromProperties} finds it; {@code RespitePropertiesMetadataTest} fails when an option has
 * no property. Descriptions repeat the option table; defaults are in
 * {@code META-INF/additional-spring-configuration-metadata.json}, checked against the table by the same test.
 */
@ConfigurationProperties("respite")
public class RespiteProperties {
  /**
   * Server URL: redis://[[user]:password@]host[:port][/database][?option=value&...]; rediss:// for TLS;
   * redis-sentinel://host[:port][,host[:port]...]/primaryName or redis-cluster://host:port[,host:port...].
   */
  private @Nullable String url;
  /** Server host name or IP address. */
  private @Nullable String host;
  /** Server TCP port. */
  private @Nullable Integer port;
  /** Database index of openSession(); the URL path /N sets it too. */
  private @Nullable Integer database;
  /** ACL user for AUTH (Redis 6+); needs password. */
  private @Nullable String username;
  /** Password for AUTH; never printed or logged. */
  private @Nullable String password;
  /** Name set with CLIENT SETNAME, shown by CLIENT LIST. */
  private @Nullable String clientName;
  /** RESP version: 2 (any server), or 3 (HELLO 3, Redis 6+). */
  private @Nullable Integer protocol;
  /** Longest wait for a TCP connect. */
  private @Nullable Duration connectTimeout;
  /** Longest wait for a whole reply (each, in a pipeline); then the connection is destroyed. */
  private @Nullable Duration socketTimeout;
  /** Pool name in messages and metrics; default respite-N. */
  private @Nullable String poolName;
  /** Most connections open at once. */
  private @Nullable Integer poolMaxTotal;
  /** Most idle connections kept; default poolMaxTotal. */
  private @Nullable Integer poolMaxIdle;
  /** Idle connections opened ahead of use and kept. */
  private @Nullable Integer poolMinIdle;
  /** Longest wait for a free connection; then RedisPoolExhaustedException. */
  private @Nullable Duration poolMaxWait;
  /** Idle time after which a connection above poolMinIdle is closed. */
  private @Nullable Duration poolIdleTimeout;
  /**
   * Age after which a connection is replaced once no session uses it, less up to 2.5% random jitter so that a
   * fleet does not reconnect at once; 0s = no limit.
   */
  private @Nullable Duration poolMaxLifetime;
  /**
   * Hold time after which an open session is logged as a possible leak, with the stack trace of where it was
   * borrowed; 0s = off.
   */
  private @Nullable Duration leakDetectionThreshold;
  /**
   * Duration from which a command (or pipeline, transaction) is logged at WARNING with its name, server,
   * database, duration and connection wait, never its arguments; 0s = off.
   */
  private @Nullable Duration slowCommandThreshold;
  /**
   * How often a subscriber PINGs; no reply within this plus socketTimeout means a dead connection, which it
   * replaces.
   */
  private @Nullable Duration subscriberPingInterval;
  /**
   * Shared connections per data source that sessions multiplex commands over until one needs a connection of
   * its own (see Multiplexing); 0 = every session borrows one.
   */
  private @Nullable Integer multiplex;
  /** Most commands written or waiting on one lane; beyond it callers wait up to poolMaxWait. */
  private @Nullable Integer multiplexMaxInFlight;
  /** Sentinels or cluster seed nodes, comma-separated host[:port] (Sentinel port 26379 by default); the redis-sentinel:// and redis-cluster:// URLs set it. */
  private @Nullable String nodes;
  /** Name of the primary the sentinels watch; the path of a redis-sentinel:// URL sets it. */
  private @Nullable String sentinelMaster;
  /** ACL user for AUTH to the sentinels; needs sentinelPassword. */
  private @Nullable String sentinelUsername;
  /** Password for AUTH to the sentinels; never printed or logged. */
  private @Nullable String sentinelPassword;
  /** How often the sentinels are asked for the primary's address, in case a notification was lost; 0 = only notifications and errors. */
  private @Nullable Duration sentinelPollInterval;
  /** Treat nodes as the seeds of a Redis Cluster; redis-cluster:// sets it. */
  private @Nullable Boolean cluster;
  /** How often the cluster's slot map is refreshed besides MOVED and failed connects; 0s = only then. */
  private @Nullable Duration clusterRefreshPeriod;
  /** Most MOVED/ASK redirects one command follows before it fails. */
  private @Nullable Integer clusterMaxRedirects;
  /** Where openReadOnlySession() reads: primary, primaryPreferred, replica or replicaPreferred (Sentinel and Cluster). */
  private @Nullable ReadFrom readFrom;
  /** Connect with TLS, verifying the server's certificate and host name; rediss:// sets it. */
  private @Nullable Boolean tls;
  /** PEM file of the CA certificate(s) to trust instead of the JDK's trust store. */
  private @Nullable String tlsCaCertificate;
  /** PEM file of the client certificate (then its chain) for a server with tls-auth-clients; needs tlsClientKey. */
  private @Nullable String tlsClientCertificate;
  /** PEM file of the client certificate's private key (unencrypted PKCS #8, BEGIN PRIVATE KEY). */
  private @Nullable String tlsClientKey;
  /**
   * INSECURE: accept any server certificate and host name (encryption without authentication); logged as a
   * warning.
   */
  private @Nullable Boolean tlsInsecureSkipVerify;
  /** Largest string reply accepted, in bytes (Redis' proto-max-bulk-len). */
  private @Nullable Integer maxBulkLength;
  /** Deepest nesting of arrays and maps accepted in a reply. */
  private @Nullable Integer maxNestingDepth;

  private final Health health = new Health();
  private final Metrics metrics = new Metrics();

  /** The health contributor's settings. */
  public static class Health {
    /**
     * Longest a health check waits in all: for a connection, for the connect and for the PING reply. A
     * server that does not answer within it is reported DOWN.
     */
    private Duration timeout = Duration.ofSeconds(1);

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** The Micrometer binding's settings. */
  public static class Metrics {
    /** Whether to publish percentile histograms (_bucket series) for command and pool timers. */
    private boolean percentileHistograms = false;

    public boolean isPercentileHistograms() {
      return percentileHistograms;
    }

    public void setPercentileHistograms(boolean percentileHistograms) {
      this.percentileHistograms = percentileHistograms;
    }
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public @Nullable String getUrl() {
    return url;
  }

  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  public @Nullable String getHost() {
    return host;
  }

  public void setHost(@Nullable String host) {
    this.host = host;
  }

  public @Nullable Integer getPort() {
    return port;
  }

  public void setPort(@Nullable Integer port) {
    this.port = port;
  }

  public @Nullable Integer getDatabase() {
    return database;
  }

  public void setDatabase(@Nullable Integer database) {
    this.database = database;
  }

  public @Nullable String getUsername() {
    return username;
  }

  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  public @Nullable String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  public @Nullable String getClientName() {
    return clientName;
  }

  public void setClientName(@Nullable String clientName) {
    this.clientName = clientName;
  }

  public @Nullable Integer getProtocol() {
    return protocol;
  }

  public void setProtocol(@Nullable Integer protocol) {
    this.protocol = protocol;
  }

  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getSocketTimeout() {
    return socketTimeout;
  }

  public void setSocketTimeout(@Nullable Duration socketTimeout) {
    this.socketTimeout = socketTimeout;
  }

  public @Nullable String getPoolName() {
    return poolName;
  }

  public void setPoolName(@Nullable String poolName) {
    this.poolName = poolName;
  }

  public @Nullable Integer getPoolMaxTotal() {
    return poolMaxTotal;
  }

  public void setPoolMaxTotal(@Nullable Integer poolMaxTotal) {
    this.poolMaxTotal = poolMaxTotal;
  }

  public @Nullable Integer getPoolMaxIdle() {
    return poolMaxIdle;
  }

  public void setPoolMaxIdle(@Nullable Integer poolMaxIdle) {
    this.poolMaxIdle = poolMaxIdle;
  }

  public @Nullable Integer getPoolMinIdle() {
    return poolMinIdle;
  }

  public void setPoolMinIdle(@Nullable Integer poolMinIdle) {
    this.poolMinIdle = poolMinIdle;
  }

  public @Nullable Duration getPoolMaxWait() {
    return poolMaxWait;
  }

  public void setPoolMaxWait(@Nullable Duration poolMaxWait) {
    this.poolMaxWait = poolMaxWait;
  }

  public @Nullable Duration getPoolIdleTimeout() {
    return poolIdleTimeout;
  }

  public void setPoolIdleTimeout(@Nullable Duration poolIdleTimeout) {
    this.poolIdleTimeout = poolIdleTimeout;
  }

  public @Nullable Duration getPoolMaxLifetime() {
    return poolMaxLifetime;
  }

  public void setPoolMaxLifetime(@Nullable Duration poolMaxLifetime) {
    this.poolMaxLifetime = poolMaxLifetime;
  }

  public @Nullable Duration getLeakDetectionThreshold() {
    return leakDetectionThreshold;
  }

  public void setLeakDetectionThreshold(@Nullable Duration leakDetectionThreshold) {
    this.leakDetectionThreshold = leakDetectionThreshold;
  }

  public @Nullable Duration getSlowCommandThreshold() {
    return slowCommandThreshold;
  }

  public void setSlowCommandThreshold(@Nullable Duration slowCommandThreshold) {
    this.slowCommandThreshold = slowCommandThreshold;
  }

  public @Nullable Duration getSubscriberPingInterval() {
    return subscriberPingInterval;
  }

  public void setSubscriberPingInterval(@Nullable Duration subscriberPingInterval) {
    this.subscriberPingInterval = subscriberPingInterval;
  }

  public @Nullable Integer getMultiplex() {
    return multiplex;
  }

  public void setMultiplex(@Nullable Integer multiplex) {
    this.multiplex = multiplex;
  }

  public @Nullable Integer getMultiplexMaxInFlight() {
    return multiplexMaxInFlight;
  }

  public void setMultiplexMaxInFlight(@Nullable Integer multiplexMaxInFlight) {
    this.multiplexMaxInFlight = multiplexMaxInFlight;
  }

  public @Nullable Boolean getTls() {
    return tls;
  }

  public void setTls(@Nullable Boolean tls) {
    this.tls = tls;
  }

  public @Nullable String getTlsCaCertificate() {
    return tlsCaCertificate;
  }

  public void setTlsCaCertificate(@Nullable String tlsCaCertificate) {
    this.tlsCaCertificate = tlsCaCertificate;
  }

  public @Nullable String getTlsClientCertificate() {
    return tlsClientCertificate;
  }

  public void setTlsClientCertificate(@Nullable String tlsClientCertificate) {
    this.tlsClientCertificate = tlsClientCertificate;
  }

  public @Nullable String getTlsClientKey() {
    return tlsClientKey;
  }

  public void setTlsClientKey(@Nullable String tlsClientKey) {
    this.tlsClientKey = tlsClientKey;
  }

  public @Nullable Boolean getTlsInsecureSkipVerify() {
    return tlsInsecureSkipVerify;
  }

  public void setTlsInsecureSkipVerify(@Nullable Boolean tlsInsecureSkipVerify) {
    this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
  }

  public @Nullable Integer getMaxBulkLength() {
    return maxBulkLength;
  }

  public void setMaxBulkLength(@Nullable Integer maxBulkLength) {
    this.maxBulkLength = maxBulkLength;
  }

  public @Nullable Integer getMaxNestingDepth() {
    return maxNestingDepth;
  }

  public void setMaxNestingDepth(@Nullable Integer maxNestingDepth) {
    this.maxNestingDepth = maxNestingDepth;
  }

  public @Nullable String getNodes() {
    return nodes;
  }

  public void setNodes(@Nullable String nodes) {
    this.nodes = nodes;
  }

  public @Nullable String getSentinelMaster() {
    return sentinelMaster;
  }

  public void setSentinelMaster(@Nullable String sentinelMaster) {
    this.sentinelMaster = sentinelMaster;
  }

  public @Nullable String getSentinelUsername() {
    return sentinelUsername;
  }

  public void setSentinelUsername(@Nullable String sentinelUsername) {
    this.sentinelUsername = sentinelUsername;
  }

  public @Nullable String getSentinelPassword() {
    return sentinelPassword;
  }

  public void setSentinelPassword(@Nullable String sentinelPassword) {
    this.sentinelPassword = sentinelPassword;
  }

  public @Nullable Duration getSentinelPollInterval() {
    return sentinelPollInterval;
  }

  public void setSentinelPollInterval(@Nullable Duration sentinelPollInterval) {
    this.sentinelPollInterval = sentinelPollInterval;
  }

  public @Nullable Boolean getCluster() {
    return cluster;
  }

  public void setCluster(@Nullable Boolean cluster) {
    this.cluster = cluster;
  }

  public @Nullable Duration getClusterRefreshPeriod() {
    return clusterRefreshPeriod;
  }

  public void setClusterRefreshPeriod(@Nullable Duration clusterRefreshPeriod) {
    this.clusterRefreshPeriod = clusterRefreshPeriod;
  }

  public @Nullable Integer getClusterMaxRedirects() {
    return clusterMaxRedirects;
  }

  public void setClusterMaxRedirects(@Nullable Integer clusterMaxRedirects) {
    this.clusterMaxRedirects = clusterMaxRedirects;
  }

  public @Nullable ReadFrom getReadFrom() {
    return readFrom;
  }

  public void setReadFrom(@Nullable ReadFrom readFrom) {
    this.readFrom = readFrom;
  }
}
