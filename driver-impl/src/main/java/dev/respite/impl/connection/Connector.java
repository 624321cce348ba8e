package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Opens the connections of one data source, pooled and subscribers' alike. Its TLS material (trust store,
 * client certificate and key) is read once, when the data source is made, never again on a reconnect.
 */
public final class Connector {
  private static final System.Logger LOG = System.getLogger(Connector.class.getName());

  private final RedisConfig config;
  private final @Nullable TlsContext tls;
  /** Where a connector that follows a moving target (a Sentinel primary) connects now; null for a fixed one. */
  private final @Nullable Supplier<Connector> target;

  private Connector(RedisConfig config, @Nullable TlsContext tls, @Nullable Supplier<Connector> target) {
    this.config = config;
    this.tls = tls;
    this.target = target;
  }

  /**
   * A connector for {@code config}, named {@code name} in its warnings.
   *
   * @throws IllegalArgumentException if the TLS files cannot be read or do not match
   */
  public static Connector of(String name, RedisConfig config) {
    if (config.tlsInsecureSkipVerify()) {
      LOG.log(Level.WARNING, "Redis data source " + name + " uses tlsInsecureSkipVerify=true: the server's TLS"
          + " certificate and host name are NOT verified, so anyone on the network path can pose as the server"
          + " and read the password and data. Use tlsCaCertificate instead outside of tests.");
    }
    return new Connector(config, config.tls() ? TlsContext.of(config) : null, null);
  }

  /**
   * A connector for another node of the same deployment ({@code config} names its host, port and
   * credentials), sharing this one's TLS material, which is read once per data source.
   */
  public Connector withConfig(RedisConfig nodeConfig) {
    return new Connector(nodeConfig, tls, null);
  }

  /**
   * A connector whose every {@link #open()} connects where {@code target} says at that moment (a Sentinel
   * primary that can move), so that a subscriber reconnects to the node that is primary now. Its
   * {@link #config()} stays this one's.
   */
  public Connector following(Supplier<Connector> target) {
    return new Connector(config, tls, target);
  }

  /** The configuration every connection is opened with. */
  public RedisConfig config() {
    return config;
  }

  /**
   * Opens and handshakes a connection.
   *
   * @throws dev.respite.RedisConnectionException if the server cannot be reached or the TLS handshake fails
   * @throws dev.respite.RedisServerException if the server refuses the handshake (wrong password, ...)
   */
  public RedisConnection open() {
    Supplier<Connector> moving = target;
    if (moving != null) {
      return moving.get().open();
    }
    return RedisConnection.open(config, tls);
  }
}
