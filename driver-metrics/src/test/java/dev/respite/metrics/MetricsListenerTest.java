package dev.respite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.PoolStats;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import dev.respite.spi.RedisListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link MetricsListener} on a {@link SimpleMeterRegistry}, fed by hand through a stub data source. */
class MetricsListenerTest {
  private static final String DURATION = "db.client.operation.duration";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StubDataSource dataSource = new StubDataSource("redis://cache.internal:6380/2?poolMaxTotal=12"
      + "&poolMaxIdle=6&poolMinIdle=2", "cache");

  private RedisListener bound() {
    RespiteMetrics.bind(dataSource, registry);
    return dataSource.listener();
  }

  @Test
  void commandsAreTimedPerCommandDatabaseAndOutcomeWithTheOpenTelemetryTags() {
    RedisListener listener = bound();
    listener.commandCompleted("GET", 2, 1_500_000, null);
    listener.commandCompleted("GET", 2, 500_000, null);
    listener.commandCompleted("GET", 5, 700_000, null);

    Timer get = registry.get(DURATION).tags("db.operation.name", "GET", "db.namespace", "2").timer();
    assertThat(get.count()).isEqualTo(2);
    assertThat(get.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(2_000_000);
    assertThat(get.getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue()).containsExactlyInAnyOrder(
        "db.system.name=redis", "db.operation.name=GET", "db.namespace=2", "server.address=cache.internal",
        "server.port=6380", "pool.name=cache", "error.type=");
    assertThat(registry.get(DURATION).tags("db.operation.name", "GET", "db.namespace", "5").timer().count())
        .isEqualTo(1);
  }

  @Test
  void failuresAreTaggedWithTheirErrorType() {
    RedisListener listener = bound();
    listener.commandCompleted("INCR", 2, 1_000, new RedisServerException("WRONGTYPE Operation against a key"));
    listener.commandCompleted("GET", 2, 2_000, new RedisTimeoutException("no reply", new IOException("slow")));

    assertThat(registry.get(DURATION).tags("db.operation.name", "INCR", "error.type", "WRONGTYPE").timer().count())
        .isEqualTo(1);
    assertThat(registry.get(DURATION).tags("db.operation.name", "GET", "error.type", "timeout").timer().count())
        .isEqualTo(1);
    assertThat(registry.find(DURATION).tags("error.type", "").timers()).isEmpty();
  }

  @Test
  void commandsOutsideTheChosenNamesAreTimedAsOther() {
    RespiteMetrics.builder().commandNames("get").bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    listener.commandCompleted("GET", 0, 1_000, null);
    listener.commandCompleted("HSET", 0, 1_000, null);
    listener.commandCompleted("ZADD", 0, 1_000, null);

    assertThat(registry.get(DURATION).tag("db.operation.name", "GET").timer().count()).isEqualTo(1);
    assertThat(registry.get(DURATION).tag("db.operation.name", "other").timer().count()).isEqualTo(2);
  }

  @Test
  void poolGaugesReadThePoolAndTheConfiguration() {
    bound();
    dataSource.stats(new PoolStats(5, 3, 4, 12));

    assertThat(gauge("db.client.connection.count", "state", "used")).isEqualTo(5);
    assertThat(gauge("db.client.connection.count", "state", "idle")).isEqualTo(3);
    assertThat(gauge("db.client.connection.pending_requests")).isEqualTo(4);
    assertThat(gauge("db.client.connection.max")).isEqualTo(12);
    assertThat(gauge("db.client.connection.idle.max")).isEqualTo(6);
    assertThat(gauge("db.client.connection.idle.min")).isEqualTo(2);
    assertThat(registry.get("db.client.connection.max").gauge().getId().getTags())
        .extracting(t -> t.getKey() + "=" + t.getValue())
        .containsExactlyInAnyOrder("pool.name=cache", "server.address=cache.internal", "server.port=6380");

    dataSource.stats(new PoolStats(1, 7, 0, 12));
    assertThat(gauge("db.client.connection.count", "state", "used")).isEqualTo(1);
    assertThat(gauge("db.client.connection.pending_requests")).isZero();
  }

  @Test
  void poolEventsFeedTheirTimersAndATimedOutBorrowIsNoWaitSample() {
    RedisListener listener = bound();
    listener.connectionAcquired(3_000_000);
    listener.connectionTimedOut(2_000_000_000L);
    listener.connectionTimedOut(2_000_000_000L);
    listener.connectionReleased(40_000_000);
    listener.connectionCreated(900_000);

    Timer wait = registry.get("db.client.connection.wait_time").timer();
    assertThat(wait.count()).isEqualTo(1);
    assertThat(wait.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(3_000_000);
    assertThat(registry.get("db.client.connection.timeouts").counter().count()).isEqualTo(2);
    assertThat(registry.get("db.client.connection.use_time").timer().totalTime(TimeUnit.NANOSECONDS))
        .isEqualTo(40_000_000);
    assertThat(registry.get("db.client.connection.create_time").timer().count()).isEqualTo(1);
  }

  @Test
  void subscriberMessagesAreTimedAndReconnectsCountedByErrorType() {
    RedisListener listener = bound();
    listener.subscriberMessageDelivered(10_000);
    listener.subscriberMessageDelivered(30_000);
    listener.subscriberReconnecting(new RedisTimeoutException("silent", null));
    listener.subscriberReconnecting(new IOException("reset"));
    listener.subscriberReconnecting(new IOException("reset again"));

    Timer messages = registry.get("respite.subscriber.message.duration").timer();
    assertThat(messages.count()).isEqualTo(2);
    assertThat(messages.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(40_000);
    assertThat(registry.get("respite.subscriber.reconnects").tag("error.type", "timeout").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("respite.subscriber.reconnects").tag("error.type", "_OTHER").counter().count())
        .isEqualTo(2);
  }

  @Test
  void closingTheBindingRemovesEveryMeterOfTheDataSource() {
    RespiteMetrics metrics = RespiteMetrics.bind(dataSource, registry);
    dataSource.listener().commandCompleted("GET", 0, 1_000, null);
    dataSource.listener().subscriberReconnecting(new IOException("reset"));
    assertThat(registry.getMeters()).isNotEmpty();

    metrics.close();

    assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
    assertThat(metrics.isClosed()).isTrue();
    assertThat(dataSource.listeners()).isEmpty();
  }

  @Test
  void closingTheDataSourceRemovesTheMetersToo() {
    RespiteMetrics metrics = RespiteMetrics.bind(dataSource, registry);
    dataSource.close();
    assertThat(registry.getMeters()).isEmpty();
    assertThat(metrics.isClosed()).isTrue();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void topologyChangesRefreshesByCauseAndThePrimaryAreMeteredAndCommandsTaggedWithTheirPrimary() {
    RedisListener listener = bound();
    assertThat(registry.find("respite.topology.changes").counter()).isNull(); // a single server has none

    listener.primaryChanged(null, "127.0.0.1:7001");
    listener.topologyRefreshed("poll");
    listener.topologyRefreshed("poll");
    listener.topologyRefreshed("readonly");
    listener.primaryChanged("127.0.0.1:7001", "127.0.0.1:7002");
    listener.commandCompleted("SET", 2, 1_000, null);

    assertThat(registry.get("respite.topology.changes").tag("pool.name", "cache").counter().count()).isEqualTo(1);
    assertThat(registry.get("respite.topology.refreshes").tag("cause", "poll").counter().count()).isEqualTo(2);
    assertThat(registry.get("respite.topology.refreshes").tag("cause", "readonly").counter().count()).isEqualTo(1);
    assertThat(registry.find("respite.topology.primary").gauges()).singleElement()
        .satisfies(g -> assertThat(g.getId().getTag("server.port")).isEqualTo("7002"));
    assertThat(registry.get(DURATION).tags("db.operation.name", "SET", "server.port", "7002").timer().count())
        .isEqualTo(1);

    listener.close();
    assertThat(registry.find("respite.topology.primary").gauges()).isEmpty();
    assertThat(registry.find("respite.topology.refreshes").counters()).isEmpty();
  }
}
