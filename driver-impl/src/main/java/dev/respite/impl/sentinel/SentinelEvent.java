package dev.respite.impl.sentinel;

import dev.respite.impl.topology.NodeAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One message a sentinel publishes on its event channels, as far as following one primary needs it: what
 * happened ({@link Kind}) and, for a promotion or a switch, the new primary's address. Sentinel's messages are
 * {@code <type> <name> <ip> <port> [@ <master-name> <master-ip> <master-port>]}, except {@code +switch-master}:
 * {@code <master-name> <old-ip> <old-port> <new-ip> <new-port>}.
 *
 * @param kind what the event means for the watched primary
 * @param newPrimary the promoted replica ({@link Kind#PROMOTED}) or the new primary ({@link Kind#SWITCHED}),
 *     else null
 */
public record SentinelEvent(Kind kind, @Nullable NodeAddress newPrimary) {

  /** What an event means for the client that follows the primary. */
  public enum Kind {
    /** A failover of the primary began: writes must wait instead of reaching the old primary. */
    FAILOVER_STARTED,
    /** A replica was promoted; confirm its {@code ROLE} and switch to it. */
    PROMOTED,
    /** The sentinels now name another primary ({@code +switch-master}). */
    SWITCHED,
    /** The failover was given up: the old primary stays. */
    ABORTED,
    /** The primary, a replica or a sentinel came or went: the lists are worth asking again. */
    TOPOLOGY,
    /** Of no interest, or about another master name. */
    IGNORED
  }

  private static final SentinelEvent IGNORED = new SentinelEvent(Kind.IGNORED, null);

  /** The channels {@link #parse} understands, to subscribe to. */
  public static final Set<String> CHANNELS = Set.of("+switch-master", "+try-failover", "+elected-leader",
      "+failover-state-select-slave", "+selected-slave", "+failover-state-send-slaveof-noone",
      "+failover-state-wait-promotion", "+promoted-slave", "+failover-state-reconf-slaves", "+failover-end",
      "+failover-end-for-timeout", "-failover-abort-not-elected", "-failover-abort-no-good-slave",
      "-failover-abort-slave-timeout", "+sdown", "-sdown", "+odown", "-odown", "+sentinel", "+slave",
      "+convert-to-slave", "+reboot");

  private static final Set<String> STARTS = Set.of("+try-failover", "+elected-leader",
      "+failover-state-select-slave", "+selected-slave", "+failover-state-send-slaveof-noone",
      "+failover-state-wait-promotion");

  /** What the message on {@code channel} means for the primary named {@code masterName}. */
  public static SentinelEvent parse(String masterName, String channel, String payload) {
    String[] words = payload.trim().split(" +");
    if (channel.equals("+switch-master")) {
      if (words.length < 5 || !words[0].equals(masterName)) {
        return IGNORED;
      }
      NodeAddress to = address(words[3], words[4]);
      return to == null ? IGNORED : new SentinelEvent(Kind.SWITCHED, to);
    }
    if (!masterName.equals(masterOf(words))) {
      return IGNORED;
    }
    if (STARTS.contains(channel)) {
      return new SentinelEvent(Kind.FAILOVER_STARTED, null);
    }
    if (channel.startsWith("-failover-abort")) {
      return new SentinelEvent(Kind.ABORTED, null);
    }
    if (channel.equals("+promoted-slave")) {
      NodeAddress promoted = words.length >= 4 ? address(words[2], words[3]) : null;
      return promoted == null ? IGNORED : new SentinelEvent(Kind.PROMOTED, promoted);
    }
    // +failover-end and the like come before +switch-master: the sentinels still name the old primary then.
    if (CHANNELS.contains(channel)) {
      return new SentinelEvent(Kind.TOPOLOGY, null);
    }
    return IGNORED;
  }

  /** The master name of an instance message: after {@code @}, or the second word of a master's own. */
  private static @Nullable String masterOf(String[] words) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].equals("@")) {
        return words[i + 1];
      }
    }
    return words.length >= 2 && words[0].equals("master") ? words[1] : null;
  }

  private static @Nullable NodeAddress address(String host, String port) {
    try {
      return new NodeAddress(host, Integer.parseInt(port));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
