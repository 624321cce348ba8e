package dev.respite.metrics;

import dev.respite.RedisDataSource;
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
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RedisListener} that turns one data source's events into Micrometer meters: the
 * {@value OperationTimers#NAME} timers, the {@code db.client.connection.*} pool meters, and the
 * {@code respite.subscriber.*} meters. Its {@link #close()} (called when the data source closes, or the
 * listener is removed) takes every one of them out of the registry.
 */
final class MetricsListener implements ListenerBinding.Bound {
  static final String POOL_NAME = "pool.name";
  private static final String PREFIX = "db.client.connection.";
  /** OpenTelemetry has no convention for pub/sub subscribers of a database client: these are Respite's own. */
  private static final String SUBSCRIBER_PREFIX = "respite.subscriber.";
  /** Topology meters, Respite's own too: {@code respite.cluster.*}, {@code respite.topology.refreshes}. */
  private static final String RESPITE_PREFIX = "respite.";
  private static final String COUNT_DESCRIPTION =
      "Connections in the pool, by state: idle (open, waiting) or used (lent to a session)";
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
    this.operations = operationTimers(pool, server.host(), Integer.toString(server.port()));

    gauge(dataSource, "count", COUNT_DESCRIPTION, pool.and("state", "idle"), ds -> ds.poolStats().idle());
    gauge(dataSource, "count", COUNT_DESCRIPTION, pool.and("state", "used"), ds -> ds.poolStats().active());
    gauge(dataSource, "max", "Most connections the pool opens at once (poolMaxTotal)", pool,
        ds -> ds.poolStats().maxTotal());
    gauge(dataSource, "idle.max", "Most idle connections the pool keeps (poolMaxIdle)", pool,
        ds -> ds.config().poolMaxIdle());
    gauge(dataSource, "idle.min", "Idle connections the pool keeps open even when unused (poolMinIdle)", pool,
        ds -> ds.config().poolMinIdle());
    gauge(dataSource, "pending_requests", "Threads waiting for a connection right now", pool,
        ds -> ds.poolStats().pending());
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

  private OperationTimers operationTimers(Tags pool, String host, String port) {
    return new OperationTimers(meters, pool.and("db.system.name", "redis", "server.address", host,
        "server.port", port), commandTag, histograms);
  }

  private void gauge(RedisDataSource dataSource, String name, String description, Tags tags,
      ToDoubleFunction<RedisDataSource> value) {
    // A strong reference: the registry must not lose the gauge while the data source is alive, and it
    // drops the reference when close() removes the gauge.
    meters.register(Gauge.builder(PREFIX + name, dataSource, value).description(description).tags(tags)
        .strongReference(true)::register);
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
    int colon = current.lastIndexOf(':');
    if (colon > 0) {
      operations = operationTimers(pool, current.substring(0, colon), current.substring(colon + 1));
    }
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
  }

  @Override
  public void clusterNodesKnown(int nodes) {
    clusterNodes.set(nodes);
    if (clusterNodesRegistered.compareAndSet(false, true)) {
      meters.register(Gauge.builder(RESPITE_PREFIX + "cluster.nodes", clusterNodes, AtomicInteger::get)
          .description("Nodes of the Redis Cluster the slot map names, primaries and replicas").tags(pool)
          .strongReference(true)::register);
    }
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
