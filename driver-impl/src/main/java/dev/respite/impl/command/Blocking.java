package dev.respite.impl.command;

import java.time.Duration;
import java.util.Objects;

/** The timeout arguments of blocking commands. */
final class Blocking {
  private Blocking() {}

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
