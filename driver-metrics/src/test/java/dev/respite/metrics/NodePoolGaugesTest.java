package dev.respite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.PoolStats;
import dev.respite.spi.RedisListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool gauges of a Sentinel or Cluster data source: one set per node pool, following the pools. */
class NodePoolGaugesTest {
  private static final String COUNT = "db.client.connection.count";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StubDataSource cluster = new StubDataSource("redis-cluster://redis-1.example:7000,redis-2.example:7001"
      + "?poolMaxIdle=6&poolMinIdle=1", "orders");

  @Test
  void eachNodePoolHasItsOwnGaugesTaggedWithItsNameAndNodeAndNoSumBesideThem() {
    cluster.nodeStats(Map.of("orders@redis-1.example:7000", new PoolStats(2, 1, 0, 8),
        "orders@redis-2.example:7001", new PoolStats(0, 3, 1, 8),
        "orders-readonly@redis-3.example:7002", new PoolStats(1, 0, 0, 8)));
    RespiteMetrics.bind(cluster, registry);

    assertThat(gauge(COUNT, "orders@redis-1.example:7000", "state", "used")).isEqualTo(2);
    assertThat(gauge(COUNT, "orders@redis-2.example:7001", "state", "idle")).isEqualTo(3);
    assertThat(gauge("db.client.connection.pending_requests", "orders@redis-2.example:7001")).isEqualTo(1);
    assertThat(gauge(COUNT, "orders-readonly@redis-3.example:7002", "state", "used")).isEqualTo(1);
    assertThat(gauge("db.client.connection.idle.max", "orders-readonly@redis-3.example:7002")).isEqualTo(6);
    assertThat(registry.get("db.client.connection.max").tag("pool.name", "orders-readonly@redis-3.example:7002")
        .gauge().getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue()).containsExactlyInAnyOrder(
            "pool.name=orders-readonly@redis-3.example:7002", "server.address=redis-3.example", "server.port=7002");
    assertThat(registry.find("db.client.connection.max").gauges()).hasSize(3);
    assertThat(registry.find(COUNT).tag("pool.name", "orders").gauges()).isEmpty();
    // The data source's own meters keep the data source's name.
    assertThat(registry.get("db.client.connection.wait_time").timer().getId().getTag("pool.name"))
        .isEqualTo("orders");
  }

  @Test
  void aNodePoolGetsGaugesWhenItOpensAConnectionAndLosesThemWhenTheTopologyDropsIt() {
    RespiteMetrics.bind(cluster, registry);
    RedisListener listener = cluster.listener();
    assertThat(registry.find(COUNT).gauges()).isEmpty();

    cluster.nodeStats(Map.of("orders@redis-1.example:7000", new PoolStats(1, 0, 0, 8)));
    listener.connectionCreated(1_000);
    assertThat(gauge(COUNT, "orders@redis-1.example:7000", "state", "used")).isEqualTo(1);

    cluster.nodeStats(Map.of("orders@redis-1.example:7000", new PoolStats(0, 1, 0, 8),
        "orders@redis-2.example:7001", new PoolStats(1, 0, 0, 8)));
    listener.connectionCreated(1_000);
    listener.connectionCreated(1_000); // a second sync registers nothing twice
    assertThat(registry.find("db.client.connection.max").gauges()).hasSize(2);

    cluster.nodeStats(Map.of("orders@redis-2.example:7001", new PoolStats(1, 0, 0, 8)));
    assertThat(gauge(COUNT, "orders@redis-1.example:7000", "state", "idle")).isNaN(); // gone, not yet synced
    listener.topologyRefreshed("periodic");
    assertThat(registry.find("db.client.connection.max").gauges()).extracting(g -> g.getId().getTag("pool.name"))
        .containsExactly("orders@redis-2.example:7001");
  }

  @Test
  void aSentinelFailoverMovesTheGaugesToTheNewPrimarysPool() {
    StubDataSource sentinel = new StubDataSource("redis-sentinel://redis-9.example:26379/orders", "orders");
    sentinel.nodeStats(Map.of("orders@redis-1.example:6379", new PoolStats(1, 2, 0, 8)));
    RespiteMetrics.bind(sentinel, registry);
    assertThat(gauge(COUNT, "orders@redis-1.example:6379", "state", "idle")).isEqualTo(2);

    sentinel.nodeStats(Map.of());
    sentinel.listener().primaryChanged("redis-1.example:6379", "redis-2.example:6379"); // the old pool was retired first
    assertThat(registry.find(COUNT).gauges()).isEmpty();
    sentinel.nodeStats(Map.of("orders@redis-2.example:6379", new PoolStats(1, 0, 0, 8)));
    sentinel.listener().connectionCreated(1_000);
    assertThat(registry.get(COUNT).tag("state", "used").gauge().getId().getTag("server.address"))
        .isEqualTo("redis-2.example");
  }

  @Test
  void closingTheBindingRemovesTheNodeGaugesAndLaterEventsBringNoneBack() {
    cluster.nodeStats(Map.of("orders@[::1]:7000", new PoolStats(1, 0, 0, 8)));
    RespiteMetrics metrics = RespiteMetrics.bind(cluster, registry);
    RedisListener listener = cluster.listener();
    assertThat(registry.get(COUNT).tag("state", "used").gauge().getId().getTag("server.address")).isEqualTo("::1");

    metrics.close();
    cluster.nodeStats(Map.of("orders@[::1]:7000", new PoolStats(1, 0, 0, 8),
        "orders@[::1]:7001", new PoolStats(1, 0, 0, 8)));
    listener.connectionCreated(1_000);
    assertThat(registry.getMeters()).isEmpty();
  }

  private double gauge(String name, String pool, String... tags) {
    Gauge gauge = registry.get(name).tag("pool.name", pool).tags(tags).gauge();
    return gauge.value();
  }
}
