package dev.respite.impl.cluster;

import dev.respite.impl.connection.Connector;
import dev.respite.impl.topology.NodeAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a cluster subscriber's channels and patterns connect: every node hears every {@code PUBLISH}, so any
 * primary of the slot map will do, taken in turn at each connection. A subscriber whose node died thus
 * reconnects to the next primary, a live one, instead of waiting for the dead one (or its replica's promotion);
 * and subscribers spread over the primaries.
 */
final class AnyPrimary implements Supplier<Connector> {
  private final ClusterTopology topology;
  private final Connector connector;
  private final NodeAddress seed;
  private final AtomicInteger turn = new AtomicInteger();

  /** Connectors made by {@code connector} for the primaries of {@code topology}, or the seed if none is known. */
  AnyPrimary(ClusterTopology topology, Connector connector, NodeAddress seed) {
    this.topology = topology;
    this.connector = connector;
    this.seed = seed;
  }

  @Override
  public Connector get() {
    Set<NodeAddress> primaries = new LinkedHashSet<>();
    topology.map().owners().forEach(owner -> primaries.add(owner.primary().address()));
    NodeAddress node = seed;
    if (!primaries.isEmpty()) {
      List<NodeAddress> inTurn = List.copyOf(primaries);
      node = inTurn.get(Math.floorMod(turn.getAndIncrement(), inTurn.size()));
    }
    return connector.forNode(node.host(), node.port(), false);
  }
}
