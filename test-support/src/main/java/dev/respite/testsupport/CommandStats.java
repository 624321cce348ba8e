package dev.respite.testsupport;

import java.util.Locale;

/**
 * How many times a server ran a command, from {@code INFO commandstats}: the proof that a cache hit or a
 * skipped round trip really did not reach the server.
 */
public final class CommandStats {
  private CommandStats() {}

  /** Calls of {@code command} (e.g. {@code "get"}) since start or {@code CONFIG RESETSTAT}; 0 if never run. */
  public static long calls(RawRedisClient client, String command) {
    Object info = client.call("INFO", "commandstats");
    if (!(info instanceof String text)) {
      throw new IllegalStateException("INFO commandstats answered " + info);
    }
    String prefix = "cmdstat_" + command.toLowerCase(Locale.ROOT) + ":calls=";
    for (String line : text.split("\r\n")) {
      if (line.startsWith(prefix)) {
        int end = line.indexOf(',', prefix.length());
        return Long.parseLong(line.substring(prefix.length(), end < 0 ? line.length() : end));
      }
    }
    return 0;
  }
}
