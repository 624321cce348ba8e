package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import dev.respite.impl.command.ClusterFrames;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.impl.topology.NodePools;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The slot map of one data source and how it is kept current. Callers read the map without a lock and never
 * wait for a refresh: a {@code MOVED} patches its slot at once ({@link #moved}) and asks for a refresh, which
 * runs on this topology's own thread, one at a time (single-flight), at most one every 500 ms, after a small
 * random delay so that a fleet of clients seeing the same {@code MOVED} does not ask the cluster in lockstep.
 *
 * <p>A refresh asks {@code CLUSTER SLOTS} of up to three nodes (known primaries first, then the seeds), through
 * their pools' connections, and keeps the map most of them agree on (among equals, the one with fewest
 * uncovered slots): a node that has not yet heard of a failover is outvoted by those that have. A primary that
 * cannot be reached has its replicas watched for a promotion ({@link PromotionWatch}), which patches the map
 * without waiting for a refresh.
 */
final class ClusterTopology implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ClusterTopology.class.getName());
  private static final long MIN_GAP_NANOS = Duration.ofMillis(500).toNanos();
  private static final int MAX_JITTER_MILLIS = 50;
  private static final int NODES_ASKED = 3;

  private final AtomicReference<SlotMap> map = new AtomicReference<>(SlotMap.empty());
  private final List<NodeAddress> seeds;
  private final NodePools pools;
  private final Listeners listeners;
  private final ScheduledExecutorService refresher;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long lastRefreshNanos = System.nanoTime() - MIN_GAP_NANOS;
  private volatile int knownNodes;
  private volatile @Nullable RuntimeException lastFailure;
  private final PromotionWatch promotions;

  /**
   * @param period {@code clusterRefreshPeriod}
   * @param connectTimeout bounds, with 100 ms, the last check of a command whose primary is watched
   */
  ClusterTopology(List<NodeAddress> seeds, NodePools pools, Listeners listeners, String name, Duration period,
      Duration connectTimeout) {
    this.seeds = List.copyOf(seeds);
    this.pools = pools;
    this.listeners = listeners;
    this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "respite-cluster-refresh-" + name);
      thread.setDaemon(true);
      return thread;
    });
    if (!period.isZero()) {
      long millis = period.toMillis();
      refresher.scheduleWithFixedDelay(() -> refresh(RefreshCause.PERIODIC), millis, millis, TimeUnit.MILLISECONDS);
    }
    this.promotions = new PromotionWatch(name, map, PromotionWatch.through(pools), this::promoted, connectTimeout,
        PromotionWatch.GAP, PromotionWatch.LONGEST_WATCH);
  }

  /** The watch of unreachable primaries' replicas ({@link PromotionWatch}). */
  PromotionWatch promotions() {
    return promotions;
  }

  /** After the watch gave a promoted replica its primary's slots: reports it, and asks for a full refresh. */
  private void promoted() {
    listeners.topologyRefreshed(RefreshCause.PROMOTION.tag());
    requestRefresh(RefreshCause.CONNECTION_FAILED);
  }

  /** The current map. */
  SlotMap map() {
    return map.get();
  }

  /** How many nodes (primaries and replicas with an address) the map names. */
  int knownNodes() {
    return knownNodes;
  }

  /** Why the last refresh found no node to answer, or null. */
  @Nullable RuntimeException lastFailure() {
    return lastFailure;
  }

  /** Patches {@code slot} to {@code target} at once, and asks for a refresh. */
  void moved(int slot, NodeAddress target) {
    ClusterNode primary = ClusterNode.at(target);
    map.updateAndGet(current -> current.withSlot(slot, primary));
    requestRefresh(RefreshCause.MOVED);
  }

  /** Asks for a refresh because a node refused a command with {@code error} (TRYAGAIN, CLUSTERDOWN, ...). */
  void requestRefresh(RedisServerException error) {
    requestRefresh(error.code().toLowerCase(Locale.ROOT));
  }

  void requestRefresh(RefreshCause cause) {
    requestRefresh(cause.tag());
  }

  /** Schedules one refresh unless one is pending: never earlier than 500 ms after the last, plus a random delay. */
  private void requestRefresh(String cause) {
    if (!scheduled.compareAndSet(false, true)) {
      return;
    }
    long sinceLast = System.nanoTime() - lastRefreshNanos;
    long delay = Math.max(0, MIN_GAP_NANOS - sinceLast) + TimeUnit.MILLISECONDS.toNanos(
        ThreadLocalRandom.current().nextInt(MAX_JITTER_MILLIS + 1));
    try {
      refresher.schedule(() -> {
        scheduled.set(false);
        refresh(cause);
      }, delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      scheduled.set(false);
    }
  }

  /** Reads the map now, in the caller's thread: at startup, and on the refresher's thread. */
  boolean refresh(RefreshCause cause) {
    return refresh(cause.tag());
  }

  private boolean refresh(String cause) {
    lastRefreshNanos = System.nanoTime();
    try {
      List<SlotMap> answers = new ArrayList<>(NODES_ASKED);
      RuntimeException failure = null;
      for (NodeAddress node : candidates()) {
        if (answers.size() == NODES_ASKED || pools.isClosed()) {
          break;
        }
        try {
          answers.add(ask(node));
        } catch (RuntimeException e) {
          failure = e;
          LOG.log(Level.DEBUG, "CLUSTER SLOTS failed on " + node + ": " + e);
        }
      }
      if (answers.isEmpty()) {
        lastFailure = failure != null ? failure : new RedisException("No cluster node to ask for the slot map");
        return false;
      }
      SlotMap chosen = mostAgreed(answers);
      map.set(chosen);
      int nodes = countNodes(chosen);
      if (nodes != knownNodes) {
        knownNodes = nodes;
        listeners.clusterNodesKnown(nodes);
      }
      lastFailure = null;
      return true;
    } finally {
      listeners.topologyRefreshed(cause);
    }
  }

  private SlotMap ask(NodeAddress node) {
    try (RealRedisSession session = RealRedisSession.open(pools.pool(node), 0)) {
      Reply reply = session.run(ClusterFrames.CLUSTER_SLOTS);
      return ClusterSlotsReply.parse(reply, node.host());
    }
  }

  /** Known primaries (shuffled, so that refreshes spread), then replicas, then the seeds. */
  private Set<NodeAddress> candidates() {
    List<NodeAddress> primaries = new ArrayList<>();
    List<NodeAddress> replicas = new ArrayList<>();
    for (SlotOwner owner : map.get().owners()) {
      primaries.add(owner.primary().address());
      owner.replicas().forEach(replica -> replicas.add(replica.address()));
    }
    java.util.Collections.shuffle(primaries);
    Set<NodeAddress> candidates = new LinkedHashSet<>(primaries);
    candidates.addAll(replicas);
    candidates.addAll(seeds);
    return candidates;
  }

  private static SlotMap mostAgreed(List<SlotMap> answers) {
    Map<String, Integer> votes = new HashMap<>();
    for (SlotMap answer : answers) {
      votes.merge(answer.toString(), 1, Integer::sum);
    }
    SlotMap best = answers.get(0);
    for (SlotMap answer : answers) {
      int lead = votes.getOrDefault(answer.toString(), 0) - votes.getOrDefault(best.toString(), 0);
      if (lead > 0 || lead == 0 && answer.uncoveredSlots() < best.uncoveredSlots()) {
        best = answer;
      }
    }
    return best;
  }

  private static int countNodes(SlotMap map) {
    Set<NodeAddress> nodes = new LinkedHashSet<>();
    for (SlotOwner owner : map.owners()) {
      nodes.add(owner.primary().address());
      owner.replicas().forEach(replica -> nodes.add(replica.address()));
    }
    return nodes.size();
  }

  @Override
  public void close() {
    promotions.close();
    refresher.shutdownNow();
  }
}
