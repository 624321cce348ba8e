package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/** Waits for a value that another thread sets, such as a meter a reader thread records after a callback. */
final class Eventually {
  private Eventually() {}

  /** Polls until {@code value} reads {@code expected}, for at most 5 s; then asserts it. */
  static void reaches(DoubleSupplier value, double expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (value.getAsDouble() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(value.getAsDouble()).isEqualTo(expected);
  }
}
