package dev.respite.impl.sentinel;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisSession;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pubsub.Subscribers;
import dev.respite.impl.session.RoutedSession;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.impl.topology.NodePools;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.spi.RedisListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RedisDataSource} that follows the primary of a Sentinel master name: a {@link PrimaryWatch} knows
 * the primary, {@link PrimaryRoute} sessions follow it, {@link NodePools} holds one pool per data node, and
 * subscribers reconnect to the new primary after a switch. Read-only sessions go where {@code readFrom} says.
 */
public final class SentinelDataSource implements RedisDataSource {
  private static final System.Logger LOG = System.getLogger(SentinelDataSource.class.getName());
  private static final AtomicInteger NUMBER = new AtomicInteger();

  private final RedisConfig config;
  private final String name;
  private final Listeners listeners;
  private final Connector connector;
  private final PrimaryWatch watch;
  private final NodePools pools;
  private final Subscribers subscribers;
  private final TopologyTasks tasks;
  private volatile boolean closed;

  /**
   * Asks the sentinels for the primary and confirms it, then starts following it.
   *
   * @throws RedisConnectionException naming every sentinel asked and what it said, if none named a primary
   *     whose {@code ROLE} is {@code master}
   */
  public SentinelDataSource(RedisConfig config) {
    this.config = config;
    String master = Objects.requireNonNull(config.sentinelMaster(), "sentinelMaster");
    String configured = config.poolName();
    this.name = configured != null ? configured : "respite-sentinel-" + NUMBER.incrementAndGet();
    this.listeners = new Listeners(name, "sentinel/" + master, config.slowCommandThreshold());
    this.connector = Connector.of(name, config);
    List<NodeAddress> sentinels = new ArrayList<>();
    for (String node : config.nodes()) {
      sentinels.add(NodeAddress.parse(node, node));
    }
    this.watch = new PrimaryWatch(master, sentinels, new SentinelProbe(connector, master), new Switches());
    watch.discover();
    this.pools = new NodePools(name, node -> connector.withConfig(NodeConfigs.dataNode(config, node)), listeners);
    this.subscribers = new Subscribers(connector.following(
        () -> connector.withConfig(NodeConfigs.dataNode(config, watch.currentAddress()))), listeners);
    this.tasks = new TopologyTasks(name, watch, connector, config.sentinelPollInterval());
  }

  PrimaryWatch watch() {
    return watch;
  }

  NodePools pools() {
    return pools;
  }

  void suspect(RefreshCause cause) {
    tasks.suspect(cause);
  }

  @Override
  public RedisSession openSession() {
    return openSession(config.database());
  }

  @Override
  public RedisSession openSession(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    requireOpen();
    return new RoutedSession(PrimaryRoute.open(this, database));
  }

  /**
   * A session on a replica the sentinels list as up and linked ({@code replica}, {@code replicaPreferred}),
   * or on the primary ({@code primary}, {@code primaryPreferred}, and {@code replicaPreferred} when no
   * replica is usable). A replica session stays on its replica: a write gets {@code READONLY}.
   */
  /**
   * A session for reads where {@code readFrom} says: the primary ({@code primary}); the primary, or a
   * replica when no primary is usable ({@code primaryPreferred}); a replica the sentinels list as up and
   * linked ({@code replica}, failing when there is none); a replica, else the primary
   * ({@code replicaPreferred}). A replica session stays on replicas: a write gets {@code READONLY}.
   */
  @Override
  public RedisSession openReadOnlySession() {
    requireOpen();
    int database = config.database();
    switch (config.readFrom()) {
      case PRIMARY_PREFERRED:
        try {
          return openSession();
        } catch (RedisConnectionException primaryDown) {
          return new RoutedSession(ReplicaRoute.open(this, database, false));
        }
      case REPLICA:
        return new RoutedSession(ReplicaRoute.open(this, database, false));
      case REPLICA_PREFERRED:
        return new RoutedSession(ReplicaRoute.open(this, database, true));
      default:
        return openSession();
    }
  }

  /** The replicas the sentinels list as up and linked, other than the primary and {@code excluded}, shuffled. */
  List<NodeAddress> replicaCandidates(Set<NodeAddress> excluded) {
    List<NodeAddress> candidates = new ArrayList<>();
    NodeAddress primary = watch.currentAddress();
    for (SentinelReplica replica : watch.replicas()) {
      NodeAddress address = replica.address();
      if (replica.isAvailable() && !address.equals(primary) && !excluded.contains(address)) {
        candidates.add(address);
      }
    }
    Collections.shuffle(candidates, ThreadLocalRandom.current());
    return candidates;
  }

  @Override
  public RedisConfig config() {
    return config;
  }

  @Override
  public PoolStats poolStats() {
    return NodePools.stats(pools);
  }

  /** The primary's pool and the pool of each replica read from. */
  @Override
  public Map<String, PoolStats> nodePoolStats() {
    return NodePools.statsByPool(pools);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String poolName() {
    return name;
  }

  /** Adds a listener and tells it the current primary ({@link RedisListener#primaryChanged}). */
  @Override
  public void addListener(RedisListener listener) {
    listeners.add(listener);
    try {
      listener.primaryChanged(null, watch.currentAddress().toString());
    } catch (RuntimeException e) { // listeners must not throw; one that does is logged and ignored
      LOG.log(Level.WARNING, "RedisListener " + listener + " threw from primaryChanged: " + e, e);
    }
  }

  @Override
  public void removeListener(RedisListener listener) {
    listeners.remove(listener);
  }

  @Override
  public RedisSubscriber openSubscriber(MessageListener listener) {
    requireOpen();
    return subscribers.open(listener);
  }

  private void requireOpen() {
    if (closed) {
      throw pools.closedException();
    }
  }

  /** Stops following the primary, then closes the subscribers, the pools and the listeners. */
  @Override
  public void close() {
    closed = true;
    tasks.close();
    subscribers.close();
    pools.close();
    listeners.close();
  }

  /** Master name, sentinels, current primary and pool name; never a password. */
  @Override
  public String toString() {
    return "RedisDataSource[pool=" + name + ", sentinel " + watch.masterName() + " via " + watch.sentinels()
        + ", primary " + watch.currentAddress() + (closed ? ", closed" : "") + "]";
  }

  /** What a switch does to the data source: the old pool closes, subscribers move, listeners are told. */
  private final class Switches implements PrimaryWatch.SwitchListener {
    @Override
    public void switched(NodeAddress previous, NodeAddress current) {
      pools.retire(previous);
      subscribers.reconnectAll();
      listeners.primaryChanged(previous.toString(), current.toString());
    }

    @Override
    public void refreshed(RefreshCause cause) {
      listeners.topologyRefreshed(cause.tag());
    }
  }

}
