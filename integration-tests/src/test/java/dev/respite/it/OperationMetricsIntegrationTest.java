package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.metrics.RespiteMetrics;
import dev.respite.testsupport.RawRedisClient;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code db.client.operation.duration}: one timer per command, database and outcome, with OTel tags. */
class OperationMetricsIntegrationTest {
  private static final String DURATION = "db.client.operation.duration";

  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void eachCommandIsTimedWithTheOpenTelemetryTags() {
    try (RedisDataSource ds = redis.dataSource("/3?poolName=ops")) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        s.set("k", "v");
        s.get("k");
        s.get("missing");
        s.execute("HSET", "h", "f", "v");
      }
      Timer get = registry.get(DURATION).tag("db.operation.name", "GET").timer();
      assertThat(get.count()).isEqualTo(2);
      assertThat(get.totalTime(TimeUnit.NANOSECONDS)).isPositive();
      assertThat(get.getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue()).containsExactlyInAnyOrder(
          "db.system.name=redis", "db.operation.name=GET", "db.namespace=3", "server.address=" + redis.host(),
          "server.port=" + redis.port(), "pool.name=ops", "error.type=");
      assertThat(registry.get(DURATION).tag("db.operation.name", "SET").timer().count()).isEqualTo(1);
      assertThat(registry.get(DURATION).tag("db.operation.name", "HSET").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void databaseIndexIsTheNamespace() {
    try (RedisDataSource ds = redis.dataSource("")) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession s = ds.openSession(5)) {
        s.ping();
        s.select(6);
        s.ping();
      }
      assertThat(registry.get(DURATION).tags("db.operation.name", "PING", "db.namespace", "5").timer().count())
          .isEqualTo(1);
      assertThat(registry.get(DURATION).tags("db.operation.name", "PING", "db.namespace", "6").timer().count())
          .isEqualTo(1);
    }
  }

  @Test
  void errorReplyCarriesItsCodeAsErrorType() {
    try (RedisDataSource ds = redis.dataSource("")) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        s.execute("LPUSH", "list", "x");
        assertThatThrownBy(() -> s.get("list")).isInstanceOf(RedisServerException.class);
        assertThatThrownBy(() -> s.execute("NOSUCHCOMMAND")).isInstanceOf(RedisServerException.class);
      }
      assertThat(registry.get(DURATION).tags("db.operation.name", "GET", "error.type", "WRONGTYPE").timer().count())
          .isEqualTo(1);
      assertThat(registry.get(DURATION).tags("db.operation.name", "NOSUCHCOMMAND", "error.type", "ERR").timer()
          .count()).isEqualTo(1);
      assertThat(registry.find(DURATION).tags("db.operation.name", "GET", "error.type", "").timer()).isNull();
    }
  }

  @Test
  void socketTimeoutIsErrorTypeTimeout() {
    try (RedisDataSource ds = redis.dataSource("?socketTimeout=200ms")) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "0.5")).isInstanceOf(RedisTimeoutException.class);
      }
      Timer timedOut = registry.get(DURATION).tags("db.operation.name", "DEBUG", "error.type", "timeout").timer();
      assertThat(timedOut.count()).isEqualTo(1);
      assertThat(timedOut.totalTime(TimeUnit.MILLISECONDS)).as("at least the socket timeout").isGreaterThan(150);
    }
  }

  @Test
  void connectionKilledMidSessionIsErrorTypeConnection() {
    try (RedisDataSource ds = redis.dataSource("");
         RawRedisClient admin = redis.admin()) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        s.ping();
        admin.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
        assertThatThrownBy(s::ping).isInstanceOf(RedisConnectionException.class);
      }
      assertThat(registry.get(DURATION).tags("db.operation.name", "PING", "error.type", "connection").timer().count())
          .isEqualTo(1);
    }
  }

  @Test
  void commandTagCanBeLimitedToChosenCommands() {
    try (RedisDataSource ds = redis.dataSource("")) {
      RespiteMetrics.builder().commandNames("get", "Incr").bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        s.set("k", "1");
        s.get("k");
        s.incr("k");
        s.del("k");
      }
      assertThat(operationNames()).containsExactlyInAnyOrder("GET", "INCR", "other");
      assertThat(registry.get(DURATION).tag("db.operation.name", "other").timer().count()).isEqualTo(2);
    }
  }

  @Test
  void commandTagCanBeTurnedOff() {
    try (RedisDataSource ds = redis.dataSource("")) {
      RespiteMetrics.builder().withoutCommandTag().bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        s.set("k", "1");
        s.get("k");
        s.incr("k");
      }
      Collection<Timer> timers = registry.find(DURATION).timers();
      assertThat(timers).hasSize(1);
      Timer all = timers.iterator().next();
      assertThat(all.getId().getTag("db.operation.name")).isNull();
      assertThat(all.count()).isEqualTo(3);
    }
  }

  @Test
  void percentileHistogramsAreOffByDefaultAndOnByOneOption() {
    // SimpleMeterRegistry keeps no percentile buckets, so read what each timer asked the registry for.
    Map<String, Boolean> histogramByPool = new ConcurrentHashMap<>();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() == Meter.Type.TIMER) {
          histogramByPool.merge(id.getTag("pool.name"), Boolean.TRUE.equals(config.isPercentileHistogram()),
              Boolean::logicalAnd);
        }
        return config;
      }
    });
    try (RedisDataSource plain = redis.dataSource("?poolName=plain");
         RedisDataSource detailed = redis.dataSource("?poolName=detailed")) {
      RespiteMetrics.bind(plain, registry);
      RespiteMetrics.builder().percentileHistograms(true).bind(detailed, registry);
      for (RedisDataSource ds : List.of(plain, detailed)) {
        try (RedisSession s = ds.openSession()) {
          s.ping();
        }
      }
      assertThat(registry.find(DURATION).timers()).hasSize(2);
      assertThat(histogramByPool).containsExactlyInAnyOrderEntriesOf(Map.of("plain", false, "detailed", true));
    }
  }

  @Test
  void closingTheDataSourceRemovesItsMetersOnly() {
    try (RedisDataSource closed = redis.dataSource("?poolName=goes");
         RedisDataSource open = redis.dataSource("?poolName=stays")) {
      RespiteMetrics.bind(closed, registry);
      RespiteMetrics.bind(open, registry);
      for (RedisDataSource ds : List.of(closed, open)) {
        try (RedisSession s = ds.openSession()) {
          s.ping();
        }
      }
      assertThat(poolNames()).containsExactlyInAnyOrder("goes", "stays");
      closed.close();
      assertThat(poolNames()).containsExactly("stays");
    }
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void closingTheBindingRemovesEveryMeterAndStopsRecording() {
    try (RedisDataSource ds = redis.dataSource("")) {
      RespiteMetrics metrics = RespiteMetrics.bind(ds, registry);
      try (RedisSession s = ds.openSession()) {
        s.ping();
        metrics.close();
        assertThat(metrics.isClosed()).isTrue();
        assertThat(registry.getMeters()).isEmpty();
        s.ping();
      }
      assertThat(registry.getMeters()).as("no meter comes back after close").isEmpty();
      metrics.close();
    }
  }

  @Test
  void bindingAClosedDataSourceFails() {
    RedisDataSource ds = redis.dataSource("?poolName=gone");
    ds.close();
    assertThatThrownBy(() -> RespiteMetrics.bind(ds, registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gone").hasMessageContaining("closed");
    assertThat(registry.getMeters()).isEmpty();
  }

  private Set<String> operationNames() {
    return registry.find(DURATION).meters().stream().map(m -> m.getId().getTag("db.operation.name"))
        .collect(Collectors.toSet());
  }

  private Set<String> poolNames() {
    return registry.getMeters().stream().map(m -> m.getId().getTag("pool.name")).collect(Collectors.toSet());
  }
}
