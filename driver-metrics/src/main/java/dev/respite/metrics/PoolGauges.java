package dev.respite.metrics;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The gauges of one connection pool, tagged {@code pool.name}, {@code server.address} and {@code server.port}:
 * {@code db.client.connection.count} by {@code state}, {@code .max}, {@code .idle.max}, {@code .idle.min} and
 * {@code .pending_requests}. A single-server data source has one set; a Sentinel or Cluster data source one
 * per node pool. Every set carries the same tag keys, because Prometheus wants one set of keys per meter name.
 */
final class PoolGauges {
  static final String PREFIX = "db.client.connection.";
  private static final String COUNT_DESCRIPTION =
      "Connections in the pool, by state: idle (open, waiting) or used (lent to a session)";

  private final RegisteredMeters meters;
  private final Supplier<@Nullable PoolStats> stats;
  private final List<Meter> registered = new ArrayList<>();

  /**
   * Registers the gauges of one pool.
   *
   * @param stats the pool's counters now, or null once the pool is gone (the gauges then read NaN)
   */
  PoolGauges(RegisteredMeters meters, String poolName, ServerAddress server, RedisConfig config,
      Supplier<@Nullable PoolStats> stats) {
    this.meters = meters;
    this.stats = stats;
    Tags tags = Tags.of(MetricsListener.POOL_NAME, poolName, "server.address", server.host(), "server.port",
        server.portTag());
    gauge("count", COUNT_DESCRIPTION, tags.and("state", "idle"), PoolStats::idle);
    gauge("count", COUNT_DESCRIPTION, tags.and("state", "used"), PoolStats::active);
    gauge("max", "Most connections the pool opens at once (poolMaxTotal)", tags, PoolStats::maxTotal);
    gauge("idle.max", "Most idle connections the pool keeps (poolMaxIdle)", tags, s -> config.poolMaxIdle());
    gauge("idle.min", "Idle connections the pool keeps open even when unused (poolMinIdle)", tags,
        s -> config.poolMinIdle());
    gauge("pending_requests", "Threads waiting for a connection right now", tags, PoolStats::pending);
  }

  private void gauge(String name, String description, Tags tags, ToDoubleFunction<PoolStats> value) {
    // A strong reference: the registry must not lose the gauge while the pool is alive; it drops the
    // reference when the gauge is removed.
    Gauge gauge = meters.register(Gauge.builder(PREFIX + name, this, g -> g.read(value)).description(description)
        .tags(tags).strongReference(true)::register);
    if (gauge != null) {
      registered.add(gauge);
    }
  }

  private double read(ToDoubleFunction<PoolStats> value) {
    PoolStats now = stats.get();
    return now == null ? Double.NaN : value.applyAsDouble(now);
  }

  /** Takes these gauges out of the registry: the pool is gone. */
  void remove() {
    registered.forEach(meters::remove);
    registered.clear();
  }
}
