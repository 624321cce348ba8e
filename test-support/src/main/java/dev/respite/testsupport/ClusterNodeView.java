package dev.respite.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One node of a {@link LocalRedisCluster} as a line of {@code CLUSTER NODES} describes it.
 *
 * @param id the node's 40-character id
 * @param port its client port on 127.0.0.1
 * @param flags {@code master} or {@code slave}, and {@code fail}, {@code pfail}, {@code handshake}... ({@code myself}
 *     removed, so that every node's view of a node compares equal)
 * @param primaryId the id of its primary for a replica, {@code -} for a primary
 * @param slots the slot ranges it serves (importing/migrating markers are not included)
 */
public record ClusterNodeView(String id, int port, Set<String> flags, String primaryId, List<SlotRange> slots) {

  /** A range of hash slots, both ends included. */
  public record SlotRange(int first, int last) {
    /** How many slots the range holds. */
    public int size() {
      return last - first + 1;
    }

    /** Whether {@code slot} is in the range. */
    public boolean contains(int slot) {
      return slot >= first && slot <= last;
    }
  }

  /** Whether the node is a primary. */
  public boolean isPrimary() {
    return flags.contains("master");
  }

  /** Whether some node flags it as failing ({@code fail} or {@code pfail}). */
  public boolean isFailing() {
    return flags.contains("fail") || flags.contains("fail?");
  }

  /** How many slots the node serves. */
  public int slotCount() {
    return slots.stream().mapToInt(SlotRange::size).sum();
  }

  /** Parses the whole {@code CLUSTER NODES} reply, one node per line. */
  static List<ClusterNodeView> parseAll(String clusterNodes) {
    List<ClusterNodeView> nodes = new ArrayList<>();
    for (String line : clusterNodes.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(parse(line.strip()));
      }
    }
    return nodes;
  }

  // <id> <ip:port@cport[,hostname]> <flags> <primary> <ping-sent> <pong-recv> <epoch> <link> <slot>...
  private static ClusterNodeView parse(String line) {
    String[] parts = line.split(" ");
    String address = parts[1];
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1, address.indexOf('@')));
    Set<String> flags = new java.util.TreeSet<>(Arrays.asList(parts[2].split(",")));
    flags.remove("myself");
    List<SlotRange> slots = new ArrayList<>();
    for (int i = 8; i < parts.length; i++) {
      String slot = parts[i];
      if (slot.startsWith("[")) {
        continue; // [slot->-id] or [slot-<-id]: a migration only the two nodes involved report
      }
      int dash = slot.indexOf('-');
      slots.add(dash < 0
          ? new SlotRange(Integer.parseInt(slot), Integer.parseInt(slot))
          : new SlotRange(Integer.parseInt(slot.substring(0, dash)), Integer.parseInt(slot.substring(dash + 1))));
    }
    return new ClusterNodeView(parts[0], port, Set.copyOf(flags), parts[3], List.copyOf(slots));
  }
}
