package dev.respite.impl.command;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a command does to its connection's state beyond its reply, so that the pool can undo it before the
 * connection is lent again, or close a connection whose state cannot be undone cheaply. One classification
 * for typed commands, raw ones ({@code execute}) and the driver's own frames alike.
 */
public enum CommandEffect {
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

  /** The effect of {@code command} (any case) whose first argument is {@code subcommand}, if any. */
  static CommandEffect of(String command, @Nullable String subcommand) {
    switch (command.toUpperCase(Locale.ROOT)) {
      case "SELECT":
        return SELECT;
      case "MULTI":
        return MULTI;
      case "EXEC":
        return EXEC;
      case "DISCARD":
        return DISCARD;
      case "WATCH":
        return WATCH;
      case "UNWATCH":
        return UNWATCH;
      case "SUBSCRIBE":
      case "PSUBSCRIBE":
      case "SSUBSCRIBE":
        return SUBSCRIBE;
      case "MONITOR":
      case "HELLO":
      case "AUTH":
      case "RESET":
      case "QUIT":
      case "SYNC":
      case "PSYNC":
      case "REPLCONF":
      case "READONLY":
      case "READWRITE":
        return CLOSES_CONNECTION;
      case "CLIENT":
        return subcommand != null && changesClient(subcommand.toUpperCase(Locale.ROOT)) ? CLOSES_CONNECTION : NONE;
      default:
        return NONE;
    }
  }

  /** {@code CLIENT} subcommands that change what later borrowers would see. */
  private static boolean changesClient(String subcommand) {
    switch (subcommand) {
      case "REPLY":
      case "TRACKING":
      case "SETNAME":
      case "SETINFO":
      case "NO-EVICT":
      case "NO-TOUCH":
      case "CACHING":
        return true;
      default:
        return false;
    }
  }
}
