package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * When a cluster command may be sent again, and how long to wait first. Only what did not run is retried: an
 * answer that says so, or a connect that failed before anything was sent; never a command whose reply was lost.
 * All attempts of one command share one deadline, {@code socketTimeout} after the first retry.
 */
final class Retries {
  private static final long FIRST_BACKOFF_NANOS = 5_000_000;
  private static final long LONGEST_BACKOFF_NANOS = 200_000_000;

  private Retries() {}

  /**
   * Whether the server said the command did not run and may succeed shortly: a slot being migrated
   * ({@code TRYAGAIN}), a cluster without quorum or coverage ({@code CLUSTERDOWN}), a node loading its data
   * ({@code LOADING}), a primary without its replica ({@code MASTERDOWN}), a node demoted to replica
   * ({@code READONLY}).
   */
  static boolean didNotRun(RedisServerException error) {
    switch (error.code()) {
      case "TRYAGAIN":
      case "CLUSTERDOWN":
      case "LOADING":
      case "MASTERDOWN":
      case "READONLY":
        return true;
      default:
        return false;
    }
  }

  /** Whether the retries' deadline ({@link #pause}'s, 0 before the first retry) has passed. */
  static boolean isOver(long deadline) {
    return deadline != 0 && System.nanoTime() - deadline >= 0;
  }

  /**
   * Sleeps before attempt {@code attempt + 1} (5 ms, doubling up to 200 ms, jittered), or rethrows {@code cause}
   * once the deadline has passed.
   *
   * @param deadline the deadline ({@link System#nanoTime()}), 0 before the first retry
   * @param budgetNanos how long the retries may take together
   * @return the deadline, set at the first retry
   */
  static long pause(long deadline, int attempt, RuntimeException cause, long budgetNanos) {
    long now = System.nanoTime();
    long end = deadline != 0 ? deadline : now + budgetNanos;
    long remaining = end - now;
    if (remaining <= 0) {
      throw cause;
    }
    long backoff = Math.min(LONGEST_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(attempt, 10));
    backoff = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    LockSupport.parkNanos(Math.min(backoff, remaining));
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new RedisException("Interrupted while waiting to retry after: " + cause.getMessage(), cause);
    }
    return end;
  }
}
