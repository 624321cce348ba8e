package dev.respite.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition on servers that change state on their own schedule (gossip, failover). */
final class Polling {

  private static final long INTERVAL_MILLIS = 50;

  private Polling() {}

  /**
   * Polls {@code done} until it holds; a condition that throws counts as not yet (a node may be restarting).
   *
   * @param state describes what was seen, for the exception when {@code timeout} passes
   * @throws IllegalStateException naming {@code what} and the last state seen, after {@code timeout}
   */
  static void until(String what, Duration timeout, BooleanSupplier done, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException lastFailure = null;
    while (true) {
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        lastFailure = e;
      }
      if (System.nanoTime() > deadline) {
        String seen;
        try {
          seen = state.get();
        } catch (RuntimeException e) {
          seen = "(cannot describe: " + e + ")";
        }
        throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + "; last seen: " + seen, lastFailure);
      }
      pause(INTERVAL_MILLIS);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
