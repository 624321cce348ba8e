package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.impl.command.ClusterFrames;
import java.io.IOException;
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
  /** Whether each connection sends {@code READONLY} after its handshake (a cluster replica's readers). */
  private final boolean readOnly;

  private Connector(RedisConfig config, @Nullable TlsContext tls, @Nullable Supplier<Connector> target,
      boolean readOnly) {
    this.config = config;
    this.tls = tls;
    this.target = target;
    this.readOnly = readOnly;
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
    return new Connector(config, config.tls() ? TlsContext.of(config) : null, null, false);
  }

  /**
   * A connector for another node of the same deployment ({@code config} names its host, port and
   * credentials), sharing this one's TLS material, which is read once per data source.
   */
  public Connector withConfig(RedisConfig nodeConfig) {
    return new Connector(nodeConfig, tls, null, false);
  }

  /**
   * A connector whose every {@link #open()} connects where {@code target} says at that moment (a Sentinel
   * primary that can move), so that a subscriber reconnects to the node that is primary now. Its
   * {@link #config()} stays this one's.
   */
  public Connector following(Supplier<Connector> target) {
    return new Connector(config, tls, target, false);
  }

  /**
   * A connector to another node of the same deployment (a cluster node), with every other setting and the TLS
   * material of this one. With {@code readOnly}, each connection sends {@code READONLY} after its handshake, so
   * that a cluster replica serves reads on it: such connections belong in a pool of their own.
   */
  public Connector forNode(String host, int port, boolean readOnly) {
    return new Connector(config.toBuilder().host(host).port(port).build(), tls, null, readOnly);
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
    RedisConnection connection = RedisConnection.open(config, tls);
    if (readOnly) {
      try {
        connection.call(ClusterFrames.READONLY);
      } catch (IOException | RuntimeException e) {
        RuntimeException failure = FailureClassifier.classify(connection, "READONLY", e);
        connection.close();
        throw failure;
      }
    }
    return connection;
  }
}
