package dev.respite.impl.cluster;

import dev.respite.RedisServerException;
import dev.respite.impl.topology.NodeAddress;
import org.jspecify.annotations.Nullable;

/**
 * A cluster node's answer that a key's slot is served elsewhere: {@code MOVED 3999 127.0.0.1:6381} (the slot has
 * a new owner: patch the map with {@link SlotMap#withSlot} and retry there) or {@code ASK 3999 127.0.0.1:6381}
 * (the slot is being migrated: send {@code ASKING} then the command to the target, once, without touching the
 * map).
 *
 * @param kind which redirection
 * @param slot the key's slot
 * @param target the node to retry on
 */
public record Redirect(Kind kind, int slot, NodeAddress target) {

  /** The two redirections of Redis Cluster. */
  public enum Kind {
    /** The slot belongs to another node from now on. */
    MOVED,
    /** This one command must be asked of the importing node. */
    ASK
  }

  public Redirect {
    SlotMap.checkSlot(slot);
  }

  /**
   * The redirection an error carries, or null if it is another error.
   *
   * @param currentHost the host the command was sent to: a node with an unknown endpoint sends {@code :6380}
   * @throws IllegalArgumentException naming the message if it starts with MOVED or ASK but is malformed
   */
  public static @Nullable Redirect of(RedisServerException error, String currentHost) {
    return parse(error.serverMessage(), currentHost);
  }

  /**
   * The redirection in an error line such as {@code MOVED 3999 127.0.0.1:6381} (a leading {@code -} is allowed),
   * or null if it is another error.
   *
   * @throws IllegalArgumentException naming the line if it starts with MOVED or ASK but is malformed
   */
  public static @Nullable Redirect parse(String errorLine, String currentHost) {
    String line = errorLine.startsWith("-") ? errorLine.substring(1) : errorLine;
    String[] parts = line.split(" ", -1);
    Kind kind = switch (parts[0]) {
      case "MOVED" -> Kind.MOVED;
      case "ASK" -> Kind.ASK;
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    if (parts.length != 3) {
      throw new IllegalArgumentException("Malformed " + kind + " redirection, expected \"" + kind
          + " <slot> <host>:<port>\": \"" + errorLine + "\"");
    }
    int slot;
    try {
      slot = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Malformed slot in redirection \"" + errorLine + "\"");
    }
    if (slot < 0 || slot >= SlotHash.SLOT_COUNT) {
      throw new IllegalArgumentException("Slot out of range in redirection \"" + errorLine + "\"");
    }
    return new Redirect(kind, slot, NodeAddress.parse(parts[2], currentHost));
  }
}
