package dev.respite.metrics;

import dev.respite.RedisDataSource;
import dev.respite.Topology;
import dev.respite.spi.RedisListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RedisListener} that turns one data source's events into Micrometer meters: the
 * {@value OperationTimers#NAME} timers, the {@code db.client.connection.*} pool meters, and the
 * {@code respite.subscriber.*} meters. Its {@link #close()} (called when the data source closes, or the
 * listener is removed) takes every one of them out of the registry.
 */
final class MetricsListener implements ListenerBinding.Bound {
  static final String POOL_NAME = "pool.name";
  private static final String PREFIX = PoolGauges.PREFIX;
  /** OpenTelemetry has no convention for pub/sub subscribers of a database client: these are Respite's own. */
  private static final String SUBSCRIBER_PREFIX = "respite.subscriber.";
  /** Topology meters, Respite's own too: {@code respite.cluster.*}, {@code respite.topology.refreshes}. */
  private static final String RESPITE_PREFIX = "respite.";
  private static final Duration HISTOGRAM_MIN = Duration.ofNanos(10_000);
  private static final Duration HISTOGRAM_MAX = Duration.ofSeconds(30);

  private final RegisteredMeters meters;
  /** Replaced when a Sentinel data source moves to another primary: commands are tagged with their server. */
  private volatile OperationTimers operations;
  private final CommandTag commandTag;
  private final boolean histograms;
  private final @Nullable Counter timeouts;
  private final @Nullable Timer createTime;
  private final @Nullable Timer waitTime;
  private final @Nullable Timer useTime;
  private final @Nullable Timer subscriberMessages;
  /** Reconnections by error type: few types, each registered on its first reconnection. */
  private final Map<String, Counter> subscriberReconnects = new ConcurrentHashMap<>();
  private final Tags pool;
  private final TopologyMeters topology;
  /** The gauges of each node's pool, for a Sentinel or Cluster data source; null for a single server. */
  private final @Nullable NodePoolGauges nodePools;
  /** Redirects by kind (moved, ask): few values, each registered when first seen. */
  private final Map<String, Counter> redirects = new ConcurrentHashMap<>();
  /** The nodes a cluster data source knows; its gauge is registered at the first report, so only for a cluster. */
  private final AtomicInteger clusterNodes = new AtomicInteger();
  private final AtomicBoolean clusterNodesRegistered = new AtomicBoolean();

  MetricsListener(RedisDataSource dataSource, MeterRegistry registry, CommandTag commandTag, boolean histograms) {
    ServerAddress server = ServerAddress.of(dataSource.config());
    Tags pool = Tags.of(POOL_NAME, dataSource.poolName());
    this.meters = new RegisteredMeters(registry);
    this.commandTag = commandTag;
    this.histograms = histograms;
    this.operations = operationTimers(pool, server);
    if (dataSource.config().topology() == Topology.STANDALONE) {
      new PoolGauges(meters, dataSource.poolName(), server, dataSource.config(), dataSource::poolStats);
      this.nodePools = null;
    } else {
      // No data-source-wide sum beside the nodes' gauges: any sum over the series would count twice.
      NodePoolGauges nodes = new NodePoolGauges(meters, dataSource);
      nodes.sync();
      this.nodePools = nodes;
    }
    this.timeouts = meters.register(Counter.builder(PREFIX + "timeouts")
        .description("Borrows that gave up after poolMaxWait (RedisPoolExhaustedException)").tags(pool)::register);
    this.createTime = timer(PREFIX + "create_time", "Time to open and handshake a new connection", pool, histograms);
    this.waitTime = timer(PREFIX + "wait_time", "Time a session waited for a connection from the pool", pool,
        histograms);
    this.useTime = timer(PREFIX + "use_time", "Time a session held its connection, from borrow to close", pool,
        histograms);
    this.subscriberMessages = timer(SUBSCRIBER_PREFIX + "message.duration",
        "Time a subscriber's MessageListener took per message; the count is messages delivered", pool, histograms);
    this.pool = pool;
    this.topology = new TopologyMeters(meters, pool);
  }

  private OperationTimers operationTimers(Tags pool, ServerAddress server) {
    return new OperationTimers(meters, pool.and("db.system.name", "redis", "server.address", server.host(),
        "server.port", server.portTag()), commandTag, histograms);
  }

  /** Node pools appear on a node's first use and leave when it is retired: see that the gauges follow. */
  private void syncNodePools() {
    NodePoolGauges gauges = nodePools;
    if (gauges != null) {
      gauges.sync();
    }
  }

  @Override
  public void attached() {
    syncNodePools(); // a node pool made between the constructor's sync and now
  }

  private @Nullable Timer timer(String name, String description, Tags tags, boolean histograms) {
    Timer.Builder builder = Timer.builder(name).description(description).tags(tags);
    if (histograms) {
      builder.publishPercentileHistogram().minimumExpectedValue(HISTOGRAM_MIN).maximumExpectedValue(HISTOGRAM_MAX);
    }
    return meters.register(builder::register);
  }

  @Override
  public void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {
    operations.record(command, database, durationNanos, failure == null ? ErrorType.NONE : ErrorType.of(failure));
  }

  @Override
  public void connectionAcquired(long waitNanos) {
    record(waitTime, waitNanos);
  }

  @Override
  public void connectionTimedOut(long waitNanos) {
    // Not a wait_time sample: that timer is the time to obtain a connection, and none was obtained.
    Counter counter = timeouts;
    if (counter != null) {
      counter.increment();
    }
  }

  @Override
  public void connectionReleased(long useNanos) {
    record(useTime, useNanos);
  }

  @Override
  public void connectionCreated(long createNanos) {
    record(createTime, createNanos);
    syncNodePools(); // the first connection of a new node pool; rare next to commands, and slower than a sync
  }

  @Override
  public void subscriberMessageDelivered(long listenerNanos) {
    record(subscriberMessages, listenerNanos);
  }

  @Override
  public void subscriberReconnecting(Throwable cause) {
    String type = ErrorType.of(cause);
    Counter counter = subscriberReconnects.computeIfAbsent(type, t -> meters.register(
        Counter.builder(SUBSCRIBER_PREFIX + "reconnects").description("Times a subscriber lost its connection"
            + " and began to reconnect, by the error.type of the loss").tags(pool).tag("error.type", t)::register));
    if (counter != null) {
      counter.increment();
    }
  }

  @Override
  public void primaryChanged(@Nullable String previous, String current) {
    topology.primaryChanged(previous, current);
    operations = operationTimers(pool, ServerAddress.parse(current));
    syncNodePools(); // the old primary's pool was retired
  }

  @Override
  public void clusterRedirected(String kind) {
    increment(redirects, kind, k -> Counter.builder(RESPITE_PREFIX + "cluster.redirects")
        .description("Commands a Redis Cluster node redirected (MOVED, ASK) and the driver followed, by kind")
        .tags(pool).tag("kind", k));
  }

  @Override
  public void topologyRefreshed(String cause) {
    topology.refreshed(cause);
    syncNodePools();
  }

  @Override
  public void clusterNodesKnown(int nodes) {
    clusterNodes.set(nodes);
    if (clusterNodesRegistered.compareAndSet(false, true)) {
      meters.register(Gauge.builder(RESPITE_PREFIX + "cluster.nodes", clusterNodes, AtomicInteger::get)
          .description("Nodes of the Redis Cluster the slot map names, primaries and replicas").tags(pool)
          .strongReference(true)::register);
    }
    syncNodePools();
  }

  private void increment(Map<String, Counter> counters, String tag,
      java.util.function.Function<String, Counter.Builder> builder) {
    Counter counter = counters.computeIfAbsent(tag, t -> meters.register(builder.apply(t)::register));
    if (counter != null) {
      counter.increment();
    }
  }

  private static void record(@Nullable Timer timer, long nanos) {
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Removes every meter of this data source from the registry. Idempotent. */
  @Override
  public void close() {
    meters.removeAll();
  }

  /** Whether {@link #close()} has run. */
  @Override
  public boolean isClosed() {
    return meters.isRemoved();
  }
}
