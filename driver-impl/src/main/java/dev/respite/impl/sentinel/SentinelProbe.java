package dev.respite.impl.sentinel;

import dev.respite.RedisConfig;
import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.impl.command.Command;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.topology.NodeAddress;
import java.io.IOException;
import java.util.List;

/**
 * The real {@link TopologyProbe}: a short-lived connection per question (the watch asks every few seconds,
 * which is not worth a pool), opened with the sentinel's or the data node's configuration.
 */
final class SentinelProbe implements TopologyProbe {
  private final Connector connector;
  private final String masterName;

  SentinelProbe(Connector connector, String masterName) {
    this.connector = connector;
    this.masterName = masterName;
  }

  @Override
  public SentinelAnswer ask(NodeAddress sentinel) {
    RedisConfig config = NodeConfigs.sentinel(connector.config(), sentinel);
    try (RedisConnection c = connector.withConfig(config).open()) {
      Reply primary = c.call(Command.raw("SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName));
      NodeAddress address = SentinelReplies.primaryAddress(primary);
      if (address == null) {
        return new SentinelAnswer(null, List.of(), List.of());
      }
      Reply replicas = c.call(Command.raw("SENTINEL", "REPLICAS", masterName));
      Reply sentinels = c.call(Command.raw("SENTINEL", "SENTINELS", masterName));
      return new SentinelAnswer(address, SentinelReplies.replicas(replicas), SentinelReplies.sentinels(sentinels));
    } catch (IOException e) {
      throw new RedisException("the connection failed: " + e, e);
    }
  }

  @Override
  public String role(NodeAddress node) {
    try (RedisConnection c = connector.withConfig(NodeConfigs.dataNode(connector.config(), node)).open()) {
      Reply role = c.call(Command.raw("ROLE"));
      List<Reply> parts = role.asList();
      String first = parts.isEmpty() ? null : parts.get(0).asString();
      if (first == null) {
        throw new RedisException("unexpected ROLE reply " + role);
      }
      return first;
    } catch (IOException e) {
      throw new RedisException("the connection failed: " + e, e);
    }
  }
}
