package dev.respite.impl.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** The timeout arguments of blocking commands, typed or given to {@code execute}. */
final class Blocking {
  private Blocking() {}

  /**
   * How long a raw blocking command may wait on the server, read from its own arguments, so that
   * {@code execute("BLPOP", "jobs", 5)} waits its 5 s as the typed {@code blpop} does; {@link Command#NOT_BLOCKING}
   * for a command that does not block (or whose timeout is not a number: the server refuses it at once).
   */
  static long rawMillis(Command<?> command) {
    int n = command.argCount();
    if (n == 0) {
      return Command.NOT_BLOCKING;
    }
    switch (command.name()) {
      case "BLPOP":
      case "BRPOP":
      case "BRPOPLPUSH":
      case "BLMOVE":
      case "BZPOPMIN":
      case "BZPOPMAX":
        return secondsToMillis(command.arg(n - 1));
      case "BLMPOP":
      case "BZMPOP":
        return secondsToMillis(command.arg(0));
      case "WAIT":
      case "WAITAOF":
        return millis(command.arg(n - 1));
      case "XREAD":
      case "XREADGROUP":
        for (int i = 0; i + 1 < n; i++) {
          String word = text(command.arg(i)).toUpperCase(Locale.ROOT);
          if (word.equals("STREAMS")) {
            break;
          }
          if (word.equals("BLOCK")) {
            return millis(command.arg(i + 1));
          }
        }
        return Command.NOT_BLOCKING;
      default:
        return Command.NOT_BLOCKING;
    }
  }

  private static long secondsToMillis(Object arg) {
    try {
      double seconds = Double.parseDouble(text(arg));
      return seconds < 0 || Double.isNaN(seconds) ? Command.NOT_BLOCKING : (long) Math.ceil(seconds * 1000);
    } catch (NumberFormatException e) {
      return Command.NOT_BLOCKING;
    }
  }

  private static long millis(Object arg) {
    try {
      long millis = Long.parseLong(text(arg).trim());
      return millis < 0 ? Command.NOT_BLOCKING : millis;
    } catch (NumberFormatException e) {
      return Command.NOT_BLOCKING;
    }
  }

  private static String text(Object arg) {
    return arg instanceof byte[] ? new String((byte[]) arg, StandardCharsets.UTF_8) : String.valueOf(arg);
  }

  /** The timeout in milliseconds, checked; 0 blocks forever. */
  static long millis(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("A blocking timeout must not be negative, got " + timeout);
    }
    return timeout.toMillis();
  }

  /** The timeout as Redis' fractional seconds ({@code BLPOP key 1.5}). */
  static String seconds(Duration timeout) {
    long millis = millis(timeout);
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis / 1000 + "." + String.format("%03d", millis % 1000);
  }
}
