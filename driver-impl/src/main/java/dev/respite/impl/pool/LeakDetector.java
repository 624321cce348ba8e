package dev.respite.impl.pool;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reports sessions that hold a connection longer than {@code leakDetectionThreshold}: a WARNING with the
 * stack trace of where the session was opened, then a line when it finally comes back.
 *
 * <p>Only pools with a threshold have one, so an unset threshold costs nothing. With one, each borrow
 * captures its stack (the price of knowing where a leak began) and enters a map; one daemon thread shared
 * by every pool sweeps the maps periodically, so no task or thread is made per borrow.
 */
final class LeakDetector implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LeakDetector.class.getName());
  private static final long MIN_SWEEP_MILLIS = 50;
  private static final long MAX_SWEEP_MILLIS = 5_000;

  private final String poolName;
  private final long thresholdNanos;
  private final Map<PoolEntry, Borrow> borrowed = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> sweep;

  private LeakDetector(String poolName, Duration threshold) {
    this.poolName = poolName;
    this.thresholdNanos = threshold.toNanos();
    long period = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, threshold.toMillis() / 4));
    this.sweep = Sweeper.EXECUTOR.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /** A detector for the pool, or null when {@code threshold} is zero (off). */
  static @Nullable LeakDetector startIfEnabled(String poolName, Duration threshold) {
    return threshold.isZero() ? null : new LeakDetector(poolName, threshold);
  }

  /** Records that the calling thread borrowed {@code connection} now. */
  void borrowed(PoolEntry connection, long nowNanos) {
    Thread thread = Thread.currentThread();
    String name = thread.getName();
    // Virtual threads are usually unnamed; their toString() still tells them apart.
    borrowed.put(connection, new Borrow(nowNanos, new BorrowSite(name.isEmpty() ? thread.toString() : name)));
  }

  /** Forgets {@code connection}'s borrow, saying so if it was reported as a leak. Does nothing twice. */
  void returned(PoolEntry connection) {
    Borrow borrow = borrowed.remove(connection);
    if (borrow != null && borrow.reported) {
      LOG.log(Level.INFO, "Redis pool " + poolName + ": the session reported as a possible leak ("
          + borrow.site.getMessage() + ") returned its connection after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - borrow.atNanos) + " ms");
    }
  }

  private void sweep() {
    try {
      report(System.nanoTime());
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again: keep sweeping whatever a log handler did.
      LOG.log(Level.DEBUG, "Redis pool " + poolName + ": leak detection sweep failed", e);
    }
  }

  private void report(long now) {
    for (Borrow borrow : borrowed.values()) {
      if (!borrow.reported && now - borrow.atNanos >= thresholdNanos) {
        borrow.reported = true;
        borrow.site.trimPoolFrames();
        LOG.log(Level.WARNING, "Redis pool " + poolName + ": a session has held its connection for "
            + TimeUnit.NANOSECONDS.toMillis(now - borrow.atNanos) + " ms, longer than leakDetectionThreshold ("
            + TimeUnit.NANOSECONDS.toMillis(thresholdNanos) + " ms); possible leak: a session that is never"
            + " closed. The stack trace shows where it was opened.", borrow.site);
      }
    }
  }

  @Override
  public void close() {
    sweep.cancel(false);
    borrowed.clear();
  }

  private static final class Borrow {
    final long atNanos;
    final BorrowSite site;
    volatile boolean reported;

    Borrow(long atNanos, BorrowSite site) {
      this.atNanos = atNanos;
      this.site = site;
    }
  }

  /** Where a session was opened: its stack trace is the point of the warning, its message the thread. */
  static final class BorrowSite extends Exception {
    private static final long serialVersionUID = 1L;

    BorrowSite(String threadName) {
      super("session opened by thread " + threadName);
    }

    /** Drops the driver's own frames on top, so that the trace starts at the caller's code. */
    void trimPoolFrames() {
      StackTraceElement[] frames = getStackTrace();
      int first = 0;
      while (first < frames.length - 1 && frames[first].getClassName().startsWith("dev.respite.impl.")) {
        first++;
      }
      setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
    }
  }

  /** The one thread that sweeps every pool's borrows; a daemon, made on first use. */
  private static final class Sweeper {
    static final ScheduledExecutorService EXECUTOR = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "respite-leak-detector");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
