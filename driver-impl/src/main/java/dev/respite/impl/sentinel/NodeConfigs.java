package dev.respite.impl.sentinel;

import dev.respite.RedisConfig;
import dev.respite.RedisOption;
import dev.respite.impl.topology.NodeAddress;


/**
 * The configuration each connection of a Sentinel data source is opened with: a data node's is the data
 * source's own (credentials, database, timeouts, TLS, protocol...) aimed at that node; a sentinel's has the
 * {@code sentinelUsername}/{@code sentinelPassword} credentials instead and database 0.
 */
final class NodeConfigs {
  private NodeConfigs() {}

  /** {@code config} as a standalone configuration for the data node at {@code node}. */
  static RedisConfig dataNode(RedisConfig config, NodeAddress node) {
    return standalone(config).host(node.host()).port(node.port()).build();
  }

  /** {@code config} for the sentinel at {@code sentinel}: its own credentials, database 0. */
  static RedisConfig sentinel(RedisConfig config, NodeAddress sentinel) {
    RedisConfig.Builder builder = standalone(config).host(sentinel.host()).port(sentinel.port())
        .unset(RedisOption.USERNAME).unset(RedisOption.PASSWORD).unset(RedisOption.DATABASE);
    String user = config.sentinelUsername();
    String password = config.sentinelPassword();
    if (password != null) {
      builder.password(password);
      if (user != null) {
        builder.username(user);
      }
    }
    return builder.build();
  }

  private static RedisConfig.Builder standalone(RedisConfig config) {
    return config.toBuilder().unset(RedisOption.NODES).unset(RedisOption.SENTINEL_MASTER)
        .unset(RedisOption.SENTINEL_USERNAME).unset(RedisOption.SENTINEL_PASSWORD)
        .unset(RedisOption.READ_FROM);
  }
}
