package dev.respite.impl.session;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a command sent through {@code execute} does to its connection's state, so that the pool can undo
 * it before the connection is lent again, or close a connection whose state cannot be undone cheaply.
 */
enum CommandEffect {
  NONE,
  SELECT,
  MULTI,
  EXEC,
  DISCARD,
  WATCH,
  UNWATCH,
  /** Subscribes: in RESP3 the confirmation arrives as a push, and the connection must not be lent again. */
  SUBSCRIBE,
  /** Changes identity, protocol or reply mode, or leaves the request-reply exchange. */
  CLOSES_CONNECTION;

  private static final Map<String, CommandEffect> BY_NAME = Map.ofEntries(
      Map.entry("SELECT", SELECT),
      Map.entry("MULTI", MULTI),
      Map.entry("EXEC", EXEC),
      Map.entry("DISCARD", DISCARD),
      Map.entry("WATCH", WATCH),
      Map.entry("UNWATCH", UNWATCH),
      Map.entry("SUBSCRIBE", SUBSCRIBE),
      Map.entry("PSUBSCRIBE", SUBSCRIBE),
      Map.entry("SSUBSCRIBE", SUBSCRIBE),
      Map.entry("MONITOR", CLOSES_CONNECTION),
      Map.entry("HELLO", CLOSES_CONNECTION),
      Map.entry("AUTH", CLOSES_CONNECTION),
      Map.entry("RESET", CLOSES_CONNECTION),
      Map.entry("QUIT", CLOSES_CONNECTION),
      Map.entry("SYNC", CLOSES_CONNECTION),
      Map.entry("PSYNC", CLOSES_CONNECTION),
      Map.entry("REPLCONF", CLOSES_CONNECTION),
      Map.entry("READONLY", CLOSES_CONNECTION),
      Map.entry("READWRITE", CLOSES_CONNECTION));

  /** {@code CLIENT} subcommands that change what later borrowers would see. */
  private static final Set<String> CLIENT_STATE = Set.of(
      "REPLY", "TRACKING", "SETNAME", "SETINFO", "NO-EVICT", "NO-TOUCH", "CACHING");

  static CommandEffect of(String command, @Nullable String subcommand) {
    String name = command.toUpperCase(Locale.ROOT);
    if (name.equals("CLIENT")) {
      return subcommand != null && CLIENT_STATE.contains(subcommand.toUpperCase(Locale.ROOT))
          ? CLOSES_CONNECTION : NONE;
    }
    return BY_NAME.getOrDefault(name, NONE);
  }
}
