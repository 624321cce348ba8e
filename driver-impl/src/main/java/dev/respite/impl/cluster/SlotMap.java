package dev.respite.impl.cluster;

import dev.respite.impl.topology.NodeAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Which nodes serve each of the 16384 slots: immutable, so that routers read it without a lock and a refresh
 * or a {@code MOVED} publishes a new map. Owners are shared between the slots of one range, so a map costs one
 * reference per slot, and {@link #withSlot} (the patch a {@code MOVED} needs) copies only those references.
 */
public final class SlotMap {

  private static final SlotMap EMPTY = new SlotMap(new SlotOwner[SlotHash.SLOT_COUNT]);

  private final @Nullable SlotOwner[] owners;

  private SlotMap(@Nullable SlotOwner[] owners) {
    this.owners = owners;
  }

  /** A map in which no slot is served. */
  public static SlotMap empty() {
    return EMPTY;
  }

  /** The owner of {@code slot}, or null if no node serves it (an uncovered slot). */
  public @Nullable SlotOwner owner(int slot) {
    return owners[checkSlot(slot)];
  }

  /**
   * A copy in which {@code slot} is served by {@code primary} alone (its replicas are unknown until the next
   * refresh), as a {@code MOVED} tells; the same map if the slot already has that primary.
   */
  public SlotMap withSlot(int slot, ClusterNode primary) {
    SlotOwner current = owners[checkSlot(slot)];
    if (current != null && current.primary().address().equals(primary.address())) {
      return this;
    }
    // Another slot of the moved range may already point at the new primary: reuse its owner, replicas included.
    SlotOwner owner = SlotOwner.primaryOnly(primary);
    for (SlotOwner known : owners) {
      if (known != null && known.primary().address().equals(primary.address())) {
        owner = known;
        break;
      }
    }
    @Nullable SlotOwner[] copy = Arrays.copyOf(owners, owners.length);
    copy[slot] = owner;
    return new SlotMap(copy);
  }

  /**
   * A copy in which every slot of {@code dead} is served by {@code promoted}, with the other replicas
   * {@code dead} had, as a failover leaves them until they follow the new primary; the same map if no slot
   * has {@code dead} as its primary.
   */
  public SlotMap withPromoted(NodeAddress dead, ClusterNode promoted) {
    Map<SlotOwner, SlotOwner> replaced = new HashMap<>();
    @Nullable SlotOwner[] copy = null;
    for (int slot = 0; slot < owners.length; slot++) {
      SlotOwner owner = owners[slot];
      if (owner != null && owner.primary().address().equals(dead)) {
        if (copy == null) {
          copy = Arrays.copyOf(owners, owners.length);
        }
        copy[slot] = replaced.computeIfAbsent(owner, old -> new SlotOwner(promoted, old.replicas().stream()
            .filter(replica -> !replica.address().equals(promoted.address())).toList()));
      }
    }
    return copy == null ? this : new SlotMap(copy);
  }

  /** Whether {@code node} is the primary of at least one slot. */
  public boolean isPrimary(NodeAddress node) {
    for (SlotOwner owner : owners()) {
      if (owner.primary().address().equals(node)) {
        return true;
      }
    }
    return false;
  }

  /** The replicas of the slots whose primary is {@code primary}, each once, in the order the map lists them. */
  public Set<ClusterNode> replicasOf(NodeAddress primary) {
    Set<ClusterNode> replicas = new LinkedHashSet<>();
    for (SlotOwner owner : owners()) {
      if (owner.primary().address().equals(primary)) {
        replicas.addAll(owner.replicas());
      }
    }
    return replicas;
  }

  /** The distinct owners in slot order: the shards to send a keyless command to each primary. */
  public Set<SlotOwner> owners() {
    Set<SlotOwner> distinct = new LinkedHashSet<>();
    for (SlotOwner owner : owners) {
      if (owner != null) {
        distinct.add(owner);
      }
    }
    return distinct;
  }

  /** How many slots no node serves. */
  public int uncoveredSlots() {
    int uncovered = 0;
    for (SlotOwner owner : owners) {
      if (owner == null) {
        uncovered++;
      }
    }
    return uncovered;
  }

  /** Each range of slots with the same owner and its primary, for logs and test failures. */
  @Override
  public String toString() {
    StringJoiner ranges = new StringJoiner(", ", "SlotMap[", "]");
    int start = 0;
    for (int slot = 1; slot <= owners.length; slot++) {
      if (slot == owners.length || owners[slot] != owners[start]) {
        SlotOwner owner = owners[start];
        if (owner != null) {
          ranges.add(start + "-" + (slot - 1) + "=" + owner.primary().address());
        }
        start = slot;
      }
    }
    return ranges.toString();
  }

  static int checkSlot(int slot) {
    if (slot < 0 || slot >= SlotHash.SLOT_COUNT) {
      throw new IllegalArgumentException("A hash slot is in 0.." + (SlotHash.SLOT_COUNT - 1) + ", got " + slot);
    }
    return slot;
  }

  /** Builds a map range by range; ranges given later win where they overlap. */
  static final class Builder {
    private final @Nullable SlotOwner[] owners = new SlotOwner[SlotHash.SLOT_COUNT];

    Builder assign(int first, int last, SlotOwner owner) {
      checkSlot(first);
      checkSlot(last);
      if (first > last) {
        throw new IllegalArgumentException("A slot range must not end (" + last + ") before it starts (" + first + ")");
      }
      Arrays.fill(owners, first, last + 1, owner);
      return this;
    }

    SlotMap build() {
      return new SlotMap(owners.clone());
    }
  }
}
