package dev.respite;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads and writes durations as people write them in URLs: {@code 250ms}, {@code 2s}, {@code 1m}. */
final class DurationText {
  private DurationText() {}

  static Duration parse(String text) {
    String s = RedisOption.lower(text);
    if (s.startsWith("p") || s.startsWith("-p")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration");
      }
    }
    int unitStart = 0;
    while (unitStart < s.length() && (Character.isDigit(s.charAt(unitStart)) || s.charAt(unitStart) == '-')) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart == s.length()) {
      throw new IllegalArgumentException("a duration needs a number and a unit, as in 250ms, 2s, 1m or PT2S");
    }
    long amount;
    try {
      amount = Long.parseLong(s.substring(0, unitStart));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number of time units");
    }
    try {
      return of(amount, s.substring(unitStart));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("too large");
    }
  }

  private static Duration of(long amount, String unit) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        throw new IllegalArgumentException("unknown unit; use ms, s, m, h or ISO-8601 such as PT2S");
    }
  }

  static String format(Duration d) {
    if (d.getNano() % 1_000_000 != 0) {
      return d.toString();
    }
    long millis = d.toMillis();
    if (millis % 3_600_000 == 0 && millis != 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis != 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
