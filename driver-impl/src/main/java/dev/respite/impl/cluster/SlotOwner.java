package dev.respite.impl.cluster;

import java.util.List;

/**
 * The nodes serving a range of slots: the primary that takes writes and its replicas, as {@code CLUSTER SLOTS}
 * lists them (failed replicas are left out by the server).
 *
 * @param primary the node that owns the slots
 * @param replicas its replicas with an address, in the order the server listed them
 */
public record SlotOwner(ClusterNode primary, List<ClusterNode> replicas) {

  public SlotOwner {
    replicas = List.copyOf(replicas);
  }

  /** An owner with no known replica, as a {@code MOVED} patch creates it. */
  public static SlotOwner primaryOnly(ClusterNode primary) {
    return new SlotOwner(primary, List.of());
  }
}
