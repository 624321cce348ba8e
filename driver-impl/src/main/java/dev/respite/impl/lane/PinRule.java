package dev.respite.impl.lane;

import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandEffect;
import dev.respite.impl.command.CommandSpec;
import dev.respite.impl.command.CommandTable;
import dev.respite.impl.command.QueuedResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one decision whether a command may run on a shared connection (a lane) or needs a connection of its
 * session's own, which then pins the session. Anything that changes or depends on connection state pins:
 * every {@link CommandEffect} but {@code NONE} (SELECT, MULTI/EXEC/DISCARD, WATCH/UNWATCH, the subscribe
 * family, HELLO, AUTH, RESET, MONITOR, CLIENT SETNAME/REPLY/TRACKING...), typed blocking commands, commands
 * the command table flags {@code blocking} (XREAD and XREADGROUP only with {@code BLOCK}), WAIT and
 * WAITAOF, the unsubscribe family and ASKING. Typed and raw ({@code execute}) frames are decided alike.
 */
public final class PinRule {
  /** A pipeline longer than this pins, so that it does not hold up the other threads on its lane. */
  public static final int LARGEST_LANE_PIPELINE = 128;
  /** A command or pipeline estimated larger than this many bytes pins, for the same reason. */
  public static final int LARGEST_LANE_FRAME = 64 * 1024;

  /** Upper-case names the command table flags blocking, read once. */
  private static final Set<String> BLOCKING = CommandTable.all().stream()
      .filter(CommandSpec::isBlocking)
      .map(spec -> spec.name().toUpperCase(Locale.ROOT))
      .filter(name -> name.indexOf('|') < 0)
      .collect(Collectors.toUnmodifiableSet());
  /** Not in the table's blocking flags, or with no effect on the tracked state, but bound to a connection. */
  private static final Set<String> CONNECTION_BOUND = Set.of(
      "WAIT", "WAITAOF", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE", "ASKING", "MONITOR");

  private PinRule() {}

  /**
   * Whether {@code command} needs a connection of its session's own: it needs connection state, or it is
   * so large that other threads would wait behind it on a lane.
   */
  public static boolean needsOwnConnection(Command<?> command) {
    return needsConnectionState(command) || FrameSize.of(command) > LARGEST_LANE_FRAME;
  }

  private static boolean needsConnectionState(Command<?> command) {
    if (command.effect() != CommandEffect.NONE || command.blockMillis() >= 0) {
      return true;
    }
    String name = command.name();
    if (CONNECTION_BOUND.contains(name)) {
      return true;
    }
    if (!BLOCKING.contains(name)) {
      return false;
    }
    // XREAD and XREADGROUP block only when asked to; every other blocking-flagged command may block.
    return !name.startsWith("XREAD") || hasBlockArgument(command);
  }

  /**
   * Whether a pipeline of an unpinned session must pin: one of its commands needs a connection, or it is
   * so long or so large that other threads would wait behind it on a lane.
   */
  public static boolean pipelineNeedsOwnConnection(List<QueuedResponse<?>> queued) {
    if (queued.size() > LARGEST_LANE_PIPELINE) {
      return true;
    }
    long bytes = 0;
    for (QueuedResponse<?> response : queued) {
      Command<?> command = response.command();
      if (needsConnectionState(command)) {
        return true;
      }
      bytes += FrameSize.of(command);
    }
    return bytes > LARGEST_LANE_FRAME;
  }

  private static boolean hasBlockArgument(Command<?> command) {
    for (int i = 0; i < command.argCount(); i++) {
      Object arg = command.arg(i);
      String text = arg instanceof byte[] ? new String((byte[]) arg, java.nio.charset.StandardCharsets.UTF_8)
          : String.valueOf(arg);
      if (text.equalsIgnoreCase("BLOCK")) {
        return true;
      }
    }
    return false;
  }
}
