package dev.respite.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The meters of a data source that follows a topology (Sentinel): how often its primary changed, how often it
 * asked for the topology again and why, and which node is the primary now. Registered on the first topology
 * event, so that a single-server data source has none of them.
 */
final class TopologyMeters {
  static final String CHANGES = "respite.topology.changes";
  static final String REFRESHES = "respite.topology.refreshes";
  static final String PRIMARY = "respite.topology.primary";

  private final RegisteredMeters meters;
  private final Tags pool;
  private final Map<String, Counter> refreshes = new ConcurrentHashMap<>();
  private @Nullable Counter changes;
  private @Nullable Gauge primary;

  TopologyMeters(RegisteredMeters meters, Tags pool) {
    this.meters = meters;
    this.pool = pool;
  }

  /** Counts a change (not the first report of the primary) and moves the primary gauge to {@code current}. */
  synchronized void primaryChanged(@Nullable String previous, String current) {
    if (changes == null) {
      changes = meters.register(Counter.builder(CHANGES).description("Times the data source moved to another"
          + " primary (a Sentinel failover)").tags(pool)::register);
    }
    Counter counter = changes;
    if (previous != null && counter != null) {
      counter.increment();
    }
    Gauge old = primary;
    if (old != null) {
      meters.remove(old);
    }
    ServerAddress server = ServerAddress.parse(current);
    primary = meters.register(Gauge.builder(PRIMARY, () -> 1).description("1, tagged with the primary the data"
        + " source sends commands to now").tags(pool).tag("server.address", server.host())
        .tag("server.port", server.portTag()).strongReference(true)::register);
  }

  /** Counts a look-up of the topology by its cause. */
  void refreshed(String cause) {
    Counter counter = refreshes.computeIfAbsent(cause, c -> meters.register(Counter.builder(REFRESHES)
        .description("Times the data source asked for its topology again, by cause").tags(pool)
        .tag("cause", c)::register));
    if (counter != null) {
      counter.increment();
    }
  }
}
