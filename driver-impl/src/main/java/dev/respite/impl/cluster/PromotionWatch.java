package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.impl.command.ClusterFrames;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.impl.topology.NodePools;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Learns of a replica's promotion as soon as the replica does, instead of when a refresh next reads
 * {@code CLUSTER SLOTS}: a primary that could not be reached is {@linkplain #suspect suspected}, and its replicas
 * (as the map lists them) are asked {@code ROLE} every 20-50 ms through their pools until one answers
 * {@code master}; that replica then takes every slot of the primary at once ({@link SlotMap#withPromoted}) and a
 * full refresh is asked for. One watch per primary, whatever the number of callers, on this data source's own
 * thread. It goes on for 1 s after a promotion (a map that names the primary again is patched again), and
 * ends when the map no longer names the primary (a refresh saw the failover), when the primary answers again
 * (asked every tenth round only: a host that does not answer may hold the thread for {@code connectTimeout}),
 * or after 30 s.
 *
 * <p>A command about to fail because its retries used up {@code socketTimeout} asks {@link #replaced} first:
 * the only wait in a caller's thread, for one probe at most {@code min(connectTimeout, 100 ms)}.
 */
final class PromotionWatch implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PromotionWatch.class.getName());
  static final Duration GAP = Duration.ofMillis(20);
  static final Duration LONGEST_WATCH = Duration.ofSeconds(30);
  private static final long LONGEST_LAST_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int PRIMARY_ASKED_EVERY = 10;
  private static final long AFTER_PROMOTION_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Asks a node its {@code ROLE}: {@code master}, {@code slave}; throws if it cannot be reached. */
  @FunctionalInterface
  interface RoleProbe {
    String role(NodeAddress node);
  }

  private final AtomicReference<SlotMap> map;
  private final RoleProbe probe;
  private final Runnable onPromotion;
  private final long gapMillis;
  private final long longestWatchNanos;
  private final long lastCheckNanos;
  private final ScheduledExecutorService prober;
  private final ConcurrentHashMap<NodeAddress, Watched> watches = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<NodeAddress, CompletableFuture<Void>> checks = new ConcurrentHashMap<>();

  /**
   * @param map the slot map this watch patches
   * @param onPromotion run after a patch (reports it and asks for a full refresh)
   * @param connectTimeout bounds the last check, with 100 ms
   * @param gap the pause between two rounds of one watch, randomly stretched up to 2.5 times
   * @param longestWatch when a watch that saw no promotion gives up
   */
  PromotionWatch(String name, AtomicReference<SlotMap> map, RoleProbe probe, Runnable onPromotion,
      Duration connectTimeout, Duration gap, Duration longestWatch) {
    this.map = map;
    this.probe = probe;
    this.onPromotion = onPromotion;
    this.gapMillis = gap.toMillis();
    this.longestWatchNanos = longestWatch.toNanos();
    this.lastCheckNanos = Math.min(LONGEST_LAST_CHECK_NANOS, connectTimeout.toNanos());
    this.prober = Executors.newSingleThreadScheduledExecutor(task -> { // its thread starts on first use
      Thread thread = new Thread(task, "respite-cluster-promotion-" + name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** {@code ROLE} asked through the nodes' pools, so that probes reuse their connections. */
  static RoleProbe through(NodePools pools) {
    return node -> {
      try (RealRedisSession session = RealRedisSession.open(pools.pool(node), 0)) {
        Reply reply = session.run(ClusterFrames.ROLE);
        List<Reply> parts = reply.asList();
        String role = parts.isEmpty() ? null : parts.get(0).asString();
        if (role == null) {
          throw new RedisException("unexpected ROLE reply from " + node + ": " + reply);
        }
        return role;
      }
    };
  }

  /** Starts watching the replicas of {@code primary}, which could not be reached, unless a watch runs already. */
  void suspect(NodeAddress primary) {
    if (watches.containsKey(primary)) {
      return;
    }
    Watched watched = new Watched(primary, System.nanoTime() + longestWatchNanos);
    if (watches.putIfAbsent(primary, watched) == null) {
      schedule(() -> round(watched), 0, () -> end(watched));
    }
  }

  /**
   * The last check of a command whose retries are over: has the replicas of {@code primary} asked now, on the
   * watch's thread (one probe for every caller asking meanwhile), and waits for the answer, at most
   * {@code min(connectTimeout, 100 ms)}.
   *
   * @return whether the map no longer names {@code primary} as a primary: a command may try the new owner
   */
  boolean replaced(NodeAddress primary) {
    if (map.get().isPrimary(primary)) {
      CompletableFuture<Void> check = checks.computeIfAbsent(primary, node -> {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        schedule(() -> check(node, fresh), 0, () -> fresh.complete(null));
        return fresh;
      });
      try {
        check.get(lastCheckNanos, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException notYet) {
        // no answer in time: the command fails as it would have
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return !map.get().isPrimary(primary);
  }

  /** Whether {@code primary} is being watched now, for tests. */
  boolean watches(NodeAddress primary) {
    return watches.containsKey(primary);
  }

  private void schedule(Runnable task, long delayMillis, Runnable ifClosed) {
    try {
      prober.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      ifClosed.run();
    }
  }

  /** A last check's probe: callers asking once it has begun wait for the next. */
  private void check(NodeAddress primary, CompletableFuture<Void> done) {
    checks.remove(primary, done);
    try {
      promote(primary);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Check of unreachable primary " + primary + " failed", e);
    } finally {
      done.complete(null);
    }
  }

  /**
   * One round of a watch, which schedules the next: asks the replicas, and every tenth round the primary. After
   * a promotion it goes on for 1 s, so that a map that names the primary again (a refresh that read
   * {@code CLUSTER SLOTS} of nodes not told of the promotion yet) is patched again at the next round.
   */
  private void round(Watched watched) {
    try {
      if (isOver(watched)) {
        end(watched);
      } else {
        long gap = gapMillis + ThreadLocalRandom.current().nextLong(gapMillis * 3 / 2 + 1);
        schedule(() -> round(watched), gap, () -> end(watched));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Watch of unreachable primary " + watched.primary + " failed; it ends", e);
      end(watched);
    }
  }

  private boolean isOver(Watched watched) {
    SlotMap now = map.get();
    if (!now.isPrimary(watched.primary)) {
      // A refresh, a MOVED or this watch saw the new owner; after a promotion, rounds go on for a while.
      return watched.promotedNanos == 0 || System.nanoTime() - watched.promotedNanos >= AFTER_PROMOTION_NANOS;
    }
    if (promote(watched.primary)) {
      watched.promotedNanos = System.nanoTime() | 1;
      return false;
    }
    if (watched.rounds++ % PRIMARY_ASKED_EVERY == 0 && roleOrNull(watched.primary) != null) {
      return true; // it answers again: the refreshes will say what it is now
    }
    return now.replicasOf(watched.primary).isEmpty() || System.nanoTime() - watched.endNanos >= 0;
  }

  /** Asks the replicas of {@code primary}; gives its slots to the first that answers master. */
  private boolean promote(NodeAddress primary) {
    for (ClusterNode replica : map.get().replicasOf(primary)) {
      if ("master".equals(roleOrNull(replica.address()))) {
        map.updateAndGet(current -> current.withPromoted(primary, replica));
        onPromotion.run();
        // DEBUG, not INFO: a console that writes slowly would hold up this thread and the callers' last checks.
        LOG.log(Level.DEBUG, "Replica " + replica.address() + " of unreachable primary " + primary
            + " answers ROLE master: it takes the primary's slots");
        return true;
      }
    }
    return false;
  }

  private @Nullable String roleOrNull(NodeAddress node) {
    try {
      return probe.role(node);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "ROLE failed on " + node + ": " + e);
      return null;
    }
  }

  private void end(Watched watched) {
    watches.remove(watched.primary, watched);
  }

  @Override
  public void close() {
    prober.shutdownNow();
    watches.clear();
    checks.values().forEach(check -> check.complete(null));
  }

  /** One watched primary; {@link #rounds} is used on the prober's thread only. */
  private static final class Watched {
    final NodeAddress primary;
    final long endNanos;
    int rounds;
    long promotedNanos;

    Watched(NodeAddress primary, long endNanos) {
      this.primary = primary;
      this.endNanos = endNanos;
    }
  }
}
