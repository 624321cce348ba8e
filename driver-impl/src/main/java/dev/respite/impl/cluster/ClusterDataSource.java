package dev.respite.impl.cluster;

import dev.respite.PoolStats;
import dev.respite.RedisConnectionException;
import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RedisDataSource} over a Redis Cluster: one pool per node, a slot map read from {@code CLUSTER SLOTS}
 * of the seeds and kept current ({@link ClusterTopology}), and sessions that route each command by the slot of
 * its keys ({@link ClusterRoute}). Every option applies per node. Creating one reads the map once; if no seed
 * answers, it is created anyway and commands wait for the map within their {@code socketTimeout}.
 */
public final class ClusterDataSource implements RedisDataSource {
  private static final System.Logger LOG = System.getLogger(ClusterDataSource.class.getName());
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final RedisConfig config;
  private final String name;
  private final Listeners listeners;
  private final Connector connector;
  private final NodePools pools;
  private final NodePools readers;
  private final ClusterTopology topology;
  private final ClusterContext context;
  private final Map<NodeAddress, Subscribers> subscribers = new ConcurrentHashMap<>();
  /** Subscribers of channels and patterns: on any primary, the next one after a failure. */
  private final Subscribers anyPrimary;

  /** Creates the data source and reads the slot map from the seeds ({@link RedisConfig#nodes()}). */
  public ClusterDataSource(RedisConfig config) {
    this.config = config;
    String configured = config.poolName();
    this.name = configured != null ? configured : "respite-cluster-" + POOL_NUMBER.incrementAndGet();
    List<NodeAddress> seeds = new ArrayList<>();
    for (String node : config.nodes()) {
      seeds.add(NodeAddress.parse(node, ""));
    }
    this.listeners = new Listeners(name, seeds.get(0).toString(), config.slowCommandThreshold());
    this.connector = Connector.of(name, config);
    this.pools = new NodePools(name, node -> connector.forNode(node.host(), node.port(), false), listeners);
    this.readers = new NodePools(name + "-readonly", node -> connector.forNode(node.host(), node.port(), true),
        listeners);
    this.topology = new ClusterTopology(seeds, pools, listeners, name, config.clusterRefreshPeriod(),
        config.connectTimeout());
    this.context = new ClusterContext(name, topology, pools, readers, listeners, config.clusterMaxRedirects(),
        config.socketTimeout().toNanos(), config.readFrom());
    this.anyPrimary = new Subscribers(connector.forNode(seeds.get(0).host(), seeds.get(0).port(), false)
        .following(new AnyPrimary(topology, connector, seeds.get(0))), listeners);
    if (!topology.refresh(RefreshCause.INITIAL)) {
      RuntimeException why = topology.lastFailure();
      LOG.log(Level.WARNING, "Redis Cluster data source " + name + ": no seed of " + seeds
          + " answered CLUSTER SLOTS yet" + (why == null ? "" : ": " + why.getMessage()));
    }
  }

  @Override
  public RedisSession openSession() {
    return openSession(0);
  }

  /**
   * @throws IllegalArgumentException for a database other than 0: a cluster has only database 0
   */
  @Override
  public RedisSession openSession(int database) {
    if (database != 0) {
      throw new IllegalArgumentException("A Redis Cluster has only database 0; openSession(" + database
          + ") was refused");
    }
    return open(false);
  }

  @Override
  public RedisSession openReadOnlySession() {
    return open(true);
  }

  private RedisSession open(boolean readOnly) {
    if (pools.isClosed()) {
      throw pools.closedException();
    }
    return new RoutedSession(new ClusterRoute(context, readOnly));
  }

  @Override
  public RedisConfig config() {
    return config;
  }

  /** The sum over every node's pool. */
  @Override
  public PoolStats poolStats() {
    return NodePools.stats(pools, readers);
  }

  /** Each node's pool, and each replica's {@code READONLY} pool ({@code <pool>-readonly@host:port}). */
  @Override
  public Map<String, PoolStats> nodePoolStats() {
    return NodePools.statsByPool(pools, readers);
  }

  /** How many nodes the slot map names now, primaries and replicas. */
  public int knownNodes() {
    return topology.knownNodes();
  }

  /** The slot map now, for tests and diagnostics. */
  SlotMap slotMap() {
    return topology.map();
  }

  @Override
  public boolean isClosed() {
    return pools.isClosed();
  }

  @Override
  public String poolName() {
    return name;
  }

  @Override
  public void addListener(RedisListener listener) {
    listeners.add(listener);
    try {
      listener.clusterNodesKnown(topology.knownNodes());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "RedisListener " + listener.getClass().getName() + " threw; ignored", e);
    }
  }

  @Override
  public void removeListener(RedisListener listener) {
    listeners.remove(listener);
  }

  /**
   * A subscriber whose channels and patterns live on one primary, any (every node hears every {@code PUBLISH}),
   * and whose shard channels each live on the primary of their slot ({@link ClusterSubscriber}).
   */
  @Override
  public RedisSubscriber openSubscriber(MessageListener listener) {
    if (pools.isClosed()) {
      throw pools.closedException();
    }
    return new ClusterSubscriber(openOnAnyPrimary(listener), new ShardSubscriptions(listener, listeners,
        topology, this::subscribers, config.clusterMaxRedirects()));
  }

  /** On the next primary, or the one after if it cannot be reached (it may have died since the last refresh). */
  private RedisSubscriber openOnAnyPrimary(MessageListener listener) {
    for (int attempt = 1;; attempt++) {
      try {
        return anyPrimary.open(listener);
      } catch (RedisConnectionException e) {
        if (attempt == 3) {
          throw e;
        }
        topology.requestRefresh(RefreshCause.CONNECTION_FAILED);
      }
    }
  }

  private Subscribers subscribers(NodeAddress node) {
    return subscribers.computeIfAbsent(node, address -> new Subscribers(
        connector.forNode(address.host(), address.port(), false), listeners));
  }

  @Override
  public void close() {
    topology.close();
    pools.close();
    readers.close();
    anyPrimary.close();
    subscribers.values().forEach(Subscribers::close);
    listeners.close();
  }

  /** The seeds and pool name; never the password. */
  @Override
  public String toString() {
    return "RedisDataSource[pool=" + name + ", redis-cluster://" + String.join(",", config.nodes())
        + ", " + topology.knownNodes() + " nodes known" + (pools.isClosed() ? ", closed" : "") + "]";
  }
}
