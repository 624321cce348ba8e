package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pubsub.ReconnectBackoff;
import dev.respite.impl.pubsub.Subscribers;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The shard channels of one cluster subscriber, each subscribed ({@code SSUBSCRIBE}) on the primary of its slot
 * through one subscriber per node, and kept there when the slot moves. A node unsubscribes the channels of a
 * slot that leaves it (reshard, failover) with a {@code sunsubscribe} nobody asked for; a node that dies leaves
 * its subscriber reconnecting. Either way the channels are subscribed again where the slot map, refreshed,
 * says their slot now lives (a {@code MOVED} answer patches the map and is followed), on this object's own
 * thread, with backoff, until every wanted channel is placed; the listener hears {@code RECONNECTING} and then
 * {@code CONNECTED}. Messages published in between are lost (pub/sub is at-most-once).
 *
 * <p>The nodes' reader threads only queue what they saw and wake that thread, never taking the lock: a caller
 * holding it may be waiting for one of them to read a confirmation.
 */
final class ShardSubscriptions implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ShardSubscriptions.class.getName());
  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static final long MIN_RETRY_MILLIS = 50;
  private static final long MAX_RETRY_MILLIS = 1_000;

  private final MessageListener listener;
  private final Listeners events;
  private final ClusterTopology topology;
  private final Function<NodeAddress, Subscribers> subscribersOf;
  private final int maxRedirects;
  private final ScheduledThreadPoolExecutor mover;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** What the nodes' reader threads reported: a dropped channel, or null for all of the node's. */
  private final Queue<NodeReports.Loss> losses = new ConcurrentLinkedQueue<>();

  private final Object lock = new Object();
  // Guarded by lock:
  private final Set<String> wanted = new LinkedHashSet<>();
  private final Map<String, NodeAddress> placed = new HashMap<>();
  private final Map<NodeAddress, RedisSubscriber> nodes = new HashMap<>();
  private final ReconnectBackoff backoff = new ReconnectBackoff(MIN_RETRY_MILLIS, MAX_RETRY_MILLIS);
  /** RECONNECTING was announced (or a node's subscriber announced it and its channels were moved). */
  private boolean owesConnected;
  private boolean closed;

  ShardSubscriptions(MessageListener listener, Listeners events, ClusterTopology topology,
      Function<NodeAddress, Subscribers> subscribersOf, int maxRedirects) {
    this.listener = listener;
    this.events = events;
    this.topology = topology;
    this.subscribersOf = subscribersOf;
    this.maxRedirects = maxRedirects;
    String name = "respite-shard-channels-" + NUMBER.incrementAndGet();
    this.mover = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
    mover.setKeepAliveTime(10, TimeUnit.SECONDS); // no thread while there is nothing to move
    mover.allowCoreThreadTimeOut(true);
  }

  /** Subscribes each channel on the primary of its slot, following {@code MOVED}; throws as the node did. */
  void subscribe(String... channels) {
    synchronized (lock) {
      if (closed) {
        throw new RedisException("The subscriber is closed");
      }
      for (String channel : channels) {
        wanted.add(channel);
        if (placed.containsKey(channel)) {
          continue;
        }
        try {
          place(channel);
        } catch (RedisTimeoutException e) {
          throw e; // it stays in effect on its node, as with one server
        } catch (RuntimeException e) {
          wanted.remove(channel);
          throw e;
        }
      }
    }
  }

  /** Unsubscribes the channels, or every shard channel when none is given. */
  void unsubscribe(String... channels) {
    synchronized (lock) {
      for (String channel : channels.length == 0 ? List.copyOf(wanted) : List.of(channels)) {
        wanted.remove(channel);
        detach(channel);
      }
    }
  }

  /** The shard channels asked for, in order, including those being moved to their slot's new owner. */
  Set<String> channels() {
    synchronized (lock) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(wanted));
    }
  }

  /** Whether every wanted channel is subscribed on a connected node. */
  boolean settled() {
    synchronized (lock) {
      return !owesConnected && placed.keySet().containsAll(wanted) && nodes.values().stream()
          .noneMatch(node -> node.state() == SubscriberState.RECONNECTING);
    }
  }

  /** The nodes holding shard channels now. */
  Set<NodeAddress> nodes() {
    synchronized (lock) {
      return Set.copyOf(nodes.keySet());
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      nodes.values().forEach(RedisSubscriber::close);
      nodes.clear();
      placed.clear();
      wanted.clear();
    }
    mover.shutdownNow();
  }

  /** {@code SSUBSCRIBE} on the slot's owner, following up to {@code maxRedirects} {@code MOVED}s. */
  private void place(String channel) {
    int slot = SlotHash.slot(channel);
    for (int redirects = 0;; redirects++) {
      NodeAddress node = owner(slot, channel);
      RedisSubscriber subscriber = nodes.get(node);
      if (subscriber == null) {
        NodeReports reports = new NodeReports(node, listener, losses, () -> schedule(0));
        subscriber = subscribersOf.apply(node).open(reports, reports);
        nodes.put(node, subscriber);
      }
      try {
        subscriber.ssubscribe(channel);
        placed.put(channel, node);
        return;
      } catch (RedisTimeoutException e) {
        placed.put(channel, node); // applied when the node answers
        throw e;
      } catch (RedisServerException e) {
        closeIfUnused(node);
        Redirect redirect = Redirect.of(e, node.host());
        if (redirect == null || redirect.kind() != Redirect.Kind.MOVED || redirects >= maxRedirects) {
          throw e;
        }
        topology.moved(redirect.slot(), redirect.target());
      }
    }
  }

  private NodeAddress owner(int slot, String channel) {
    SlotOwner owner = topology.map().owner(slot);
    if (owner == null) {
      topology.requestRefresh(RefreshCause.UNCOVERED_SLOT);
      throw new RedisException("Hash slot " + slot + " of shard channel " + CommandSlots.shown(channel)
          + " is not served by any node of the Redis Cluster; nothing was sent");
    }
    return owner.primary().address();
  }

  /** Unsubscribes {@code channel} from the node it is on, if any, and closes that node's subscriber if unused. */
  private void detach(String channel) {
    NodeAddress node = placed.remove(channel);
    RedisSubscriber subscriber = node == null ? null : nodes.get(node);
    if (node != null && subscriber != null) {
      try {
        subscriber.sunsubscribe(channel); // while disconnected, only forgotten: nothing to wait for
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, () -> "SUNSUBSCRIBE " + channel + " on " + node + " failed: " + e);
      }
      closeIfUnused(node);
    }
  }

  private void closeIfUnused(NodeAddress node) {
    if (!placed.containsValue(node)) {
      RedisSubscriber unused = nodes.remove(node);
      if (unused != null) {
        unused.close();
      }
    }
  }

  /** Runs {@link #reconcile} soon, once, on this object's thread. */
  private void schedule(long delayMillis) {
    if (scheduled.compareAndSet(false, true)) {
      try {
        ScheduledFuture<?> unused = mover.schedule(this::reconcileOrRetry, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closedMeanwhile) {
        scheduled.set(false);
      }
    }
  }

  private void reconcileOrRetry() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Moving shard channels to their slots' owners failed; trying again", e);
      scheduled.set(false);
      schedule(MAX_RETRY_MILLIS);
    }
  }

  /**
   * Takes the losses the nodes reported, moves the channels of reconnecting nodes whose slot the map now gives
   * to another node, subscribes every wanted channel not placed; tries again with backoff until all are.
   */
  private void reconcile() {
    scheduled.set(false);
    List<Runnable> announcements = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      RedisException cause = takeLosses();
      moveOffReconnectingNodes();
      RuntimeException failure = placeUnplaced();
      if (cause != null && !owesConnected) {
        owesConnected = true;
        announcements.add(() -> {
          events.subscriberReconnecting(cause);
          listener.onStateChange(SubscriberState.RECONNECTING, cause);
        });
      }
      boolean waiting = failure != null || nodes.values().stream()
          .anyMatch(node -> node.state() == SubscriberState.RECONNECTING);
      if (waiting) {
        topology.requestRefresh(RefreshCause.CONNECTION_FAILED);
        schedule(backoff.nextDelayMillis());
        if (failure != null) {
          LOG.log(Level.DEBUG, () -> "Shard channels not yet subscribed again: " + failure);
        }
      } else {
        backoff.reset();
        if (owesConnected) {
          owesConnected = false;
          announcements.add(() -> listener.onStateChange(SubscriberState.CONNECTED, null));
        }
      }
    }
    for (Runnable announcement : announcements) { // outside the lock: the listener may call back in
      try {
        announcement.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The subscriber's listener threw; ignored", e);
      }
    }
  }

  /** Un-places what the nodes dropped or refused; returns why, for the listener, or null if nothing was. */
  private @Nullable RedisException takeLosses() {
    RedisException cause = null;
    for (NodeReports.Loss loss; (loss = losses.poll()) != null;) {
      NodeAddress node = loss.node();
      String dropped = loss.channel();
      List<String> lost = new ArrayList<>();
      placed.forEach((channel, on) -> {
        if (on.equals(node) && (dropped == null || dropped.equals(channel))) {
          lost.add(channel);
        }
      });
      if (lost.isEmpty()) {
        continue;
      }
      if (dropped != null) {
        placed.remove(dropped); // its node's subscriber forgot it already
        closeIfUnused(node);
      } else {
        lost.forEach(this::detach);
      }
      cause = new RedisException("Redis Cluster node " + node + " no longer serves the slot of shard channel(s) "
          + lost.stream().map(CommandSlots::shown).toList() + "; subscribing them again on the slot's owner");
    }
    return cause;
  }

  /** A reconnecting node's channels whose slot the map gives to another node now are detached, to be placed. */
  private void moveOffReconnectingNodes() {
    for (Map.Entry<NodeAddress, RedisSubscriber> node : List.copyOf(nodes.entrySet())) {
      if (node.getValue().state() != SubscriberState.RECONNECTING) {
        continue;
      }
      topology.requestRefresh(RefreshCause.CONNECTION_FAILED);
      List<String> moved = new ArrayList<>();
      placed.forEach((channel, on) -> {
        SlotOwner owner = topology.map().owner(SlotHash.slot(channel));
        if (on.equals(node.getKey()) && owner != null && !owner.primary().address().equals(on)) {
          moved.add(channel);
        }
      });
      if (!moved.isEmpty()) {
        owesConnected = true; // the node's subscriber said RECONNECTING and will not say CONNECTED
        moved.forEach(this::detach);
      }
    }
  }

  /** Places every wanted channel not placed, except on a node still reconnecting; returns the last failure. */
  private @Nullable RuntimeException placeUnplaced() {
    RuntimeException failure = null;
    for (String channel : wanted) {
      if (placed.containsKey(channel)) {
        continue;
      }
      SlotOwner owner = topology.map().owner(SlotHash.slot(channel));
      NodeAddress node = owner == null ? null : owner.primary().address();
      RedisSubscriber on = node == null ? null : nodes.get(node);
      if (on != null && on.state() == SubscriberState.RECONNECTING) {
        failure = new RedisException("The owner of shard channel " + CommandSlots.shown(channel) + ", " + node
            + ", is not reachable yet");
        continue;
      }
      try {
        place(channel);
      } catch (RedisTimeoutException e) {
        failure = e; // placed: applied when the node answers
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    return failure;
  }
}
