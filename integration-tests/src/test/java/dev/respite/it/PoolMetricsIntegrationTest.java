package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisSession;
import dev.respite.metrics.RespiteMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code db.client.connection.*} meters follow the pool. */
class PoolMetricsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void connectionCountsFollowSessionsAndReturnToIdle() {
    try (RedisDataSource ds = redis.dataSource("?poolName=counts&poolMaxTotal=4")) {
      RespiteMetrics.bind(ds, registry);
      assertThat(count("used")).isZero();
      assertThat(count("idle")).isZero();
      RedisSession first = ds.openSession();
      RedisSession second = ds.openSession();
      assertThat(count("used")).isEqualTo(2);
      assertThat(count("idle")).isZero();
      first.close();
      assertThat(count("used")).isEqualTo(1);
      assertThat(count("idle")).isEqualTo(1);
      second.close();
      assertThat(count("used")).isZero();
      assertThat(count("idle")).isEqualTo(2);
      assertThat(registry.get("db.client.connection.count").tag("state", "idle").gauge().getId().getTag("pool.name"))
          .isEqualTo("counts");
    }
  }

  @Test
  void limitsAreThePoolSettings() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=6&poolMaxIdle=4&poolMinIdle=2")) {
      RespiteMetrics.bind(ds, registry);
      assertThat(gauge("db.client.connection.max")).isEqualTo(6);
      assertThat(gauge("db.client.connection.idle.max")).isEqualTo(4);
      assertThat(gauge("db.client.connection.idle.min")).isEqualTo(2);
    }
  }

  @Test
  void waitingBorrowerShowsAsPendingRequestAndItsWaitIsTimed() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxWait=10s")) {
      RespiteMetrics.bind(ds, registry);
      Timer waitTime = registry.get("db.client.connection.wait_time").timer();
      RedisSession holder = ds.openSession();
      assertThat(waitTime.count()).isEqualTo(1);
      CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> {
        try (RedisSession s = ds.openSession()) {
          return s.ping();
        }
      });
      Eventually.reaches(() -> gauge("db.client.connection.pending_requests"), 1);
      assertThat(waiter).isNotDone();
      Thread.sleep(50); // part of the wait the timer must account for
      holder.close();
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("PONG");
      assertThat(gauge("db.client.connection.pending_requests")).isZero();
      assertThat(waitTime.count()).isEqualTo(2);
      assertThat(waitTime.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(50);
    }
  }

  @Test
  void borrowThatGivesUpCountsAsTimeout() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxWait=100ms")) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession held = ds.openSession()) {
        assertThatThrownBy(ds::openSession).isInstanceOf(RedisPoolExhaustedException.class);
        assertThatThrownBy(ds::openSession).isInstanceOf(RedisPoolExhaustedException.class);
      }
      assertThat(registry.get("db.client.connection.timeouts").counter().count()).isEqualTo(2);
      assertThat(registry.get("db.client.connection.wait_time").timer().count())
          .as("only waits that obtained a connection").isEqualTo(1);
    }
  }

  @Test
  void connectionCreationAndUseAreTimed() throws InterruptedException {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=2")) {
      RespiteMetrics.bind(ds, registry);
      try (RedisSession a = ds.openSession(); RedisSession b = ds.openSession()) {
        a.ping();
        b.ping();
        Thread.sleep(30);
      }
      try (RedisSession again = ds.openSession()) {
        again.ping();
      }
      Timer create = registry.get("db.client.connection.create_time").timer();
      assertThat(create.count()).as("two connections opened, then one reused").isEqualTo(2);
      assertThat(create.totalTime(TimeUnit.NANOSECONDS)).isPositive();
      Timer use = registry.get("db.client.connection.use_time").timer();
      assertThat(use.count()).isEqualTo(3);
      assertThat(use.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(30);
    }
  }

  private double count(String state) {
    return registry.get("db.client.connection.count").tag("state", state).gauge().value();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }
}
