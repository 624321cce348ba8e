package dev.respite.impl.event;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code slowCommandThreshold} log: a WARNING for each command (or batch) slower than the threshold, with
 * its name, server, database, duration and the session's wait for its connection. Never its arguments.
 */
final class SlowCommandLog {
  private static final System.Logger LOG = System.getLogger(SlowCommandLog.class.getName());
  private static final long NANOS_PER_MICRO = 1_000;

  private final long thresholdNanos;
  private final String server;

  /** A log of commands slower than {@code threshold} ({@link Duration#ZERO}: off) on {@code server}. */
  SlowCommandLog(Duration threshold, String server) {
    this.thresholdNanos = threshold.toNanos();
    this.server = server;
  }

  boolean isOn() {
    return thresholdNanos > 0;
  }

  /** Logs the command if it took {@code durationNanos} or more than the threshold. */
  void check(String command, boolean batch, int commands, int database, long durationNanos, long waitedNanos) {
    if (thresholdNanos <= 0 || durationNanos < thresholdNanos) {
      return;
    }
    String what = batch ? command + " of " + commands + " commands" : "command " + command;
    LOG.log(Level.WARNING, "Slow Redis " + what + ": " + millis(durationNanos) + " on " + server + " database "
        + database + " (slowCommandThreshold " + millis(thresholdNanos) + "); the session waited "
        + millis(waitedNanos) + " for its connection");
  }

  /** Milliseconds with three decimals: sub-millisecond thresholds are plausible on a LAN. */
  private static String millis(long nanos) {
    long micros = nanos / NANOS_PER_MICRO;
    return String.format(Locale.ROOT, "%d.%03d ms", micros / 1000, micros % 1000);
  }
}
