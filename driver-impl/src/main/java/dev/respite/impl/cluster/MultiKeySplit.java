package dev.respite.impl.cluster;

import dev.respite.Reply;
import dev.respite.impl.command.ClusterFrames;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.KeyPositions;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.protocol.Replies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code MGET}, {@code MSET}, {@code DEL}, {@code UNLINK}, {@code EXISTS} and {@code TOUCH} whose keys span
 * slots: split into one command per slot (a node refuses keys of two slots in one command, even slots it owns
 * both of), sent as a cluster pipeline (one write per node, {@link ClusterBatches#pipeline}), and merged in the
 * caller's key order: {@code MGET}'s values, the others' counts summed. Not atomic: each part runs on its own,
 * and when one fails the others may have run.
 */
final class MultiKeySplit {
  private MultiKeySplit() {}

  /** Whether {@code command} is one that is split when its keys span slots. */
  static boolean splits(Command<?> command) {
    switch (command.name()) {
      case "MGET":
      case "MSET":
      case "DEL":
      case "UNLINK":
      case "EXISTS":
      case "TOUCH":
        return true;
      default:
        return false;
    }
  }

  /** Whether the slots differ. */
  static boolean spans(int[] slots) {
    for (int slot : slots) {
      if (slot != slots[0]) {
        return true;
      }
    }
    return false;
  }

  static <T extends @Nullable Object> T run(ClusterRoute route, Command<T> command, int[] slots) {
    KeyPositions keys = command.keyPositions();
    boolean pairs = command.name().equals("MSET");
    Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
    for (int i = 0; i < slots.length; i++) {
      bySlot.computeIfAbsent(slots[i], slot -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(bySlot.values());
    List<QueuedResponse<?>> parts = new ArrayList<>(groups.size());
    List<QueuedResponse<Reply>> typed = new ArrayList<>(groups.size());
    for (List<Integer> group : groups) {
      Object[] args = new Object[group.size() * (pairs ? 2 : 1)];
      int next = 0;
      for (int key : group) {
        int position = keys.get(key) - 1;
        args[next++] = command.arg(position);
        if (pairs) {
          args[next++] = command.arg(position + 1);
        }
      }
      QueuedResponse<Reply> part = QueuedResponse.of(ClusterFrames.whole(command, args));
      parts.add(part);
      typed.add(part);
    }
    route.runPipeline(parts);
    Reply merged;
    switch (command.name()) {
      case "MGET": {
        Reply[] values = new Reply[slots.length];
        for (int g = 0; g < groups.size(); g++) {
          List<Reply> answer = typed.get(g).get().asList();
          List<Integer> group = groups.get(g);
          for (int k = 0; k < group.size(); k++) {
            values[group.get(k)] = answer.get(k);
          }
        }
        merged = Replies.ofArray(values);
        break;
      }
      case "MSET":
        typed.forEach(QueuedResponse::get); // throws the first part's failure
        merged = typed.get(0).get();
        break;
      default: {
        long total = 0;
        for (QueuedResponse<Reply> part : typed) {
          total += part.get().asLong();
        }
        merged = Replies.ofInteger(total);
        break;
      }
    }
    return command.decoder().decode(merged);
  }
}
