package dev.respite.impl.pubsub;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread, shared by every subscriber of the JVM, that sends their periodic {@code PING}s.
 * A subscriber's own thread cannot: it spends its life blocked in a socket read. Created on first use, a
 * daemon, so it never keeps the JVM alive; the tasks are tiny writes.
 */
final class KeepAlive {
  private static final System.Logger LOG = System.getLogger(KeepAlive.class.getName());

  private KeepAlive() {}

  /** Runs {@code task} every {@code interval} until the returned future is cancelled. */
  static ScheduledFuture<?> every(Duration interval, Runnable task) {
    long millis = Math.max(1, interval.toMillis());
    // A periodic task that throws is silently never run again; keep the subscriber's keep-alive going.
    Runnable guarded = () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Subscriber keep-alive failed", e);
      }
    };
    return Timer.INSTANCE.scheduleWithFixedDelay(guarded, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Holder, so that the thread starts only when a subscriber is opened. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "respite-subscriber-keepalive");
        thread.setDaemon(true);
        return thread;
      });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }
}
