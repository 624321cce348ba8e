package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.KeyPositions;
import dev.respite.impl.protocol.NumberText;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * The hash slots of a command's keys, found where the command table says they stand
 * ({@link Command#keyPositions()}), so that typed commands and {@code execute(...)} are routed alike.
 */
final class CommandSlots {
  /** The slot of a command without keys. */
  static final int NO_KEY = -1;
  private static final int LONGEST_KEY_SHOWN = 64;

  private CommandSlots() {}

  /**
   * The one slot of the command's keys, or {@link #NO_KEY}.
   *
   * @throws RedisException naming the keys and their slots if they span slots, before anything is sent
   */
  static int slotOf(Command<?> command) {
    KeyPositions keys = command.keyPositions();
    int slot = NO_KEY;
    for (int i = 0; i < keys.size(); i++) {
      int keySlot = slot(command.arg(keys.get(i) - 1));
      if (slot == NO_KEY) {
        slot = keySlot;
      } else if (keySlot != slot) {
        throw crossSlot(command.name(), command);
      }
    }
    return slot;
  }

  /** The slot of every key of the command, in order. */
  static int[] slots(Command<?> command) {
    KeyPositions keys = command.keyPositions();
    int[] slots = new int[keys.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = slot(command.arg(keys.get(i) - 1));
    }
    return slots;
  }

  /** The exception for keys of {@code commands} that span slots, naming every key with its slot. */
  static RedisException crossSlot(String what, Command<?>... commands) {
    return crossSlot(what, List.of(commands));
  }

  static RedisException crossSlot(String what, List<? extends Command<?>> commands) {
    StringJoiner keys = new StringJoiner(", ");
    for (Command<?> command : commands) {
      KeyPositions positions = command.keyPositions();
      for (int i = 0; i < positions.size(); i++) {
        Object key = command.arg(positions.get(i) - 1);
        keys.add(shown(key) + " (slot " + slot(key) + ")");
      }
    }
    return new RedisException(what + " has keys in more than one hash slot of the Redis Cluster: " + keys
        + "; nothing was sent. Keys of one command, transaction, WATCH or script must share a slot: give them a"
        + " common {hash tag}");
  }

  /** The slot of a key as the server hashes it ({@link #bytes}); text without encoding a copy when it can. */
  static int slot(Object key) {
    return key instanceof String ? SlotHash.slot((String) key) : SlotHash.slot(bytes(key));
  }

  /** A key as the server hashes it: the UTF-8 bytes of text, the bytes of binary keys. */
  static byte[] bytes(Object key) {
    if (key instanceof byte[]) {
      return (byte[]) key;
    }
    if (key instanceof String) {
      return ((String) key).getBytes(StandardCharsets.UTF_8);
    }
    if (key instanceof ProtocolKeyword) {
      return ((ProtocolKeyword) key).name().getBytes(StandardCharsets.US_ASCII);
    }
    if (key instanceof Number) {
      return NumberText.of((Number) key).getBytes(StandardCharsets.US_ASCII);
    }
    return String.valueOf(key).getBytes(StandardCharsets.UTF_8);
  }

  /** A key for a message: text as is (shortened), binary as its length. Keys are the caller's, not secrets. */
  static String shown(Object key) {
    String text = key instanceof byte[] ? new String((byte[]) key, StandardCharsets.UTF_8) : String.valueOf(key);
    return text.length() > LONGEST_KEY_SHOWN ? "\"" + text.substring(0, LONGEST_KEY_SHOWN) + "...\""
        : "\"" + text + "\"";
  }
}
