package dev.respite.impl.cluster;

import dev.respite.impl.topology.NodeAddress;
import org.jspecify.annotations.Nullable;

/**
 * A node as {@code CLUSTER SLOTS} or a redirection names it.
 *
 * @param address where it listens
 * @param id its 40-character node id, null when the reply carries none (Redis before 4, or a {@code MOVED})
 */
public record ClusterNode(NodeAddress address, @Nullable String id) {

  /** A node known only by its address, as a {@code MOVED} names it. */
  public static ClusterNode at(NodeAddress address) {
    return new ClusterNode(address, null);
  }
}
