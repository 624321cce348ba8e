package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.command.ClusterFrames;
import dev.respite.impl.command.Command;
import dev.respite.impl.protocol.Replies;
import dev.respite.impl.topology.NodeAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keyless commands whose answer needs every primary: {@code DBSIZE} (summed), {@code KEYS} (merged),
 * {@code FLUSHALL}, {@code FLUSHDB}, {@code SCRIPT LOAD}/{@code FLUSH}, {@code FUNCTION LOAD}/{@code DELETE}/
 * {@code FLUSH} (sent to each, the first answer returned), {@code RANDOMKEY} (primaries in random order until
 * one has a key), and {@code SCAN}, which walks every primary in turn behind one cursor: the cursor the caller
 * sees is {@code host:port@cursor} of the node being scanned, {@code 0} when the last primary is done. Each
 * node's answer is read whole, merged, then decoded with the caller's decoder, so typed methods and
 * {@code execute(...)} behave alike.
 */
final class AllPrimaries {
  private static final char CURSOR_SEPARATOR = '@';

  private AllPrimaries() {}

  static boolean handles(Command<?> command) {
    switch (command.name()) {
      case "DBSIZE":
      case "KEYS":
      case "FLUSHALL":
      case "FLUSHDB":
      case "RANDOMKEY":
      case "SCAN":
        return true;
      case "SCRIPT":
        return isSubcommand(command, "LOAD", "FLUSH");
      case "FUNCTION":
        return isSubcommand(command, "LOAD", "DELETE", "FLUSH");
      default:
        return false;
    }
  }

  static <T extends @Nullable Object> T run(ClusterRoute route, Command<T> command) {
    List<NodeAddress> primaries = primaries(route);
    if (primaries.isEmpty()) {
      route.target(CommandSlots.NO_KEY, false); // throws: no map yet
    }
    Command<Reply> whole = ClusterFrames.whole(command, ClusterFrames.args(command));
    switch (command.name()) {
      case "SCAN":
        return command.decoder().decode(scan(route, command, primaries));
      case "RANDOMKEY": {
        Collections.shuffle(primaries);
        Reply key = Replies.ofNull();
        for (NodeAddress primary : primaries) {
          key = route.runRouted(CommandSlots.NO_KEY, primary, whole);
          if (!key.isNull()) {
            break;
          }
        }
        return command.decoder().decode(key);
      }
      default:
        break;
    }
    List<Reply> answers = new ArrayList<>(primaries.size());
    for (NodeAddress primary : primaries) {
      answers.add(route.runRouted(CommandSlots.NO_KEY, primary, whole));
    }
    return command.decoder().decode(merge(command.name(), answers));
  }

  private static Reply merge(String name, List<Reply> answers) {
    if (name.equals("DBSIZE")) {
      return Replies.ofInteger(answers.stream().mapToLong(Reply::asLong).sum());
    }
    if (name.equals("KEYS")) {
      List<Reply> keys = new ArrayList<>();
      answers.forEach(answer -> keys.addAll(answer.asList()));
      return answers.get(0).type() == ReplyType.SET ? Replies.ofSet(keys.toArray(new Reply[0]))
          : Replies.ofArray(keys);
    }
    return answers.get(0);
  }

  /** One page of the node the cursor names, with the cursor rewritten to name the node to go on with. */
  private static Reply scan(ClusterRoute route, Command<?> command, List<NodeAddress> primaries) {
    String cursor = Objects.requireNonNull(text(command.arg(0)));
    NodeAddress node = primaries.get(0);
    String nodeCursor = "0";
    if (!cursor.equals("0")) {
      int at = cursor.lastIndexOf(CURSOR_SEPARATOR);
      if (at < 0) {
        throw new RedisException("Not a cluster SCAN cursor: \"" + cursor + "\"; a cluster's SCAN cursor names"
            + " the node, as host:port@cursor");
      }
      node = NodeAddress.parse(cursor.substring(0, at), "");
      nodeCursor = cursor.substring(at + 1);
    }
    Object[] args = ClusterFrames.args(command);
    args[0] = nodeCursor;
    List<Reply> page = route.runRouted(CommandSlots.NO_KEY, node, ClusterFrames.whole(command, args)).asList();
    String next = Objects.requireNonNull(page.get(0).asString());
    if (next.equals("0")) {
      int index = primaries.indexOf(node);
      next = index >= 0 && index + 1 < primaries.size() ? primaries.get(index + 1) + "@0" : "0";
      if (index < 0) {
        // The node is no primary any more (a failover mid-scan): go on with the first primary after it.
        next = "0";
        for (NodeAddress primary : primaries) {
          if (ORDER.compare(primary, node) > 0) {
            next = primary + "@0";
            break;
          }
        }
      }
    } else {
      next = node + "@" + next;
    }
    return Replies.ofArray(Replies.ofString(next), page.get(1));
  }

  private static final Comparator<NodeAddress> ORDER =
      Comparator.comparing(NodeAddress::host).thenComparingInt(NodeAddress::port);

  /** The primaries of the current map in a stable order, so that a scan's next node is well defined. */
  private static List<NodeAddress> primaries(ClusterRoute route) {
    List<NodeAddress> primaries = new ArrayList<>();
    for (SlotOwner owner : route.cluster.topology().map().owners()) {
      if (!primaries.contains(owner.primary().address())) {
        primaries.add(owner.primary().address());
      }
    }
    primaries.sort(ORDER);
    return primaries;
  }

  private static boolean isSubcommand(Command<?> command, String... subcommands) {
    if (command.argCount() == 0) {
      return false;
    }
    String sub = text(command.arg(0));
    if (sub == null) {
      return false;
    }
    for (String candidate : subcommands) {
      if (candidate.equals(sub.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String text(Object arg) {
    if (arg instanceof byte[]) {
      return new String((byte[]) arg, StandardCharsets.UTF_8);
    }
    return arg instanceof dev.respite.impl.protocol.ProtocolKeyword
        ? ((dev.respite.impl.protocol.ProtocolKeyword) arg).name() : String.valueOf(arg);
  }
}
