package dev.respite.impl.sentinel;

import dev.respite.impl.connection.Connector;
import dev.respite.impl.topology.NodeAddress;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one daemon thread ({@code respite-sentinel-<pool>}) on which a {@link PrimaryWatch} changes state:
 * sentinels' events, the poll every {@code sentinelPollInterval}, a retry every 200 ms while a failover
 * holds commands or the primary is unconfirmed, and re-resolutions that sessions ask for. Running them one
 * at a time keeps the watch free of races between, say, a poll and a promotion.
 */
final class TopologyTasks implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TopologyTasks.class.getName());
  private static final long RETRY_MILLIS = 200;

  private final PrimaryWatch watch;
  private final SentinelEventFeeds feeds;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean resolveQueued = new AtomicBoolean();

  TopologyTasks(String name, PrimaryWatch watch, Connector connector, Duration pollInterval) {
    this.watch = watch;
    this.feeds = new SentinelEventFeeds(connector, watch.masterName(), this::event,
        () -> suspect(RefreshCause.RESUBSCRIBED));
    this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "respite-sentinel-" + name);
      thread.setDaemon(true);
      return thread;
    });
    executor.execute(guarded(() -> feeds.ensure(watch.sentinels())));
    executor.scheduleWithFixedDelay(guarded(() -> {
      if (watch.needsRetry()) {
        watch.resolve(RefreshCause.RETRY);
      }
    }), RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    if (!pollInterval.isZero()) {
      long millis = pollInterval.toMillis();
      executor.scheduleWithFixedDelay(guarded(() -> {
        watch.resolve(RefreshCause.POLL);
        feeds.ensure(watch.sentinels());
      }), millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Hands an event of the sentinel at {@code from} to the watch. */
  void event(NodeAddress from, SentinelEvent event) {
    submit(() -> watch.handle(from, event));
  }

  /** Asks the sentinels again soon; requests made while one is queued join it. */
  void suspect(RefreshCause cause) {
    if (resolveQueued.compareAndSet(false, true)) {
      submit(() -> {
        resolveQueued.set(false);
        watch.resolve(cause);
      });
    }
  }

  private void submit(Runnable task) {
    try {
      executor.execute(guarded(task));
    } catch (RejectedExecutionException closing) {
      // closed: nothing to follow any more
    }
  }

  /** A task that logs what it throws: an exception would cancel a periodic task for good. */
  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Sentinel topology task failed: " + e, e);
      }
    };
  }

  /** Stops the thread, then the subscriptions. */
  @Override
  public void close() {
    watch.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    feeds.close();
  }
}
