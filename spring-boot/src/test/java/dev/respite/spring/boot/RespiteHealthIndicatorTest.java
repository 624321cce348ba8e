package dev.respite.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.testsupport.RawRedisClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health check answers within its timeout whatever the server does, and recovers with it. */
class RespiteHealthIndicatorTest extends ServerPerTestClass {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  /** Generous: the check must end near TIMEOUT; this only catches a check that waits for the server. */
  private static final long BOUND_MILLIS = TIMEOUT.toMillis() + 1_500;

  private RedisDataSource dataSource;
  private RespiteHealthIndicator health;

  @BeforeEach
  void createIndicator() {
    if (!server.isRunning()) {
      server.restart();
    }
    dataSource = RedisDataSource.create(server.url() + "?poolMaxTotal=1&poolName=app");
    health = new RespiteHealthIndicator(dataSource, TIMEOUT);
  }

  @AfterEach
  void close() {
    health.destroy();
    dataSource.close();
  }

  @Test
  void upWithPongAndThePoolOfTheApplication() {
    Health result = health.health();
    assertThat(result.getStatus()).isEqualTo(Status.UP);
    assertThat(result.getDetails()).containsEntry("ping", "PONG").containsEntry("pool", "app")
        .containsEntry("active", 0).containsEntry("pending", 0).containsEntry("max", 1);
  }

  @Test
  void anExhaustedApplicationPoolDoesNotHoldTheCheck() {
    try (RedisSession held = dataSource.openSession()) {
      held.ping();
      long start = System.nanoTime();
      Health result = health.health();
      assertThat(millisSince(start)).isLessThan(BOUND_MILLIS);
      assertThat(result.getStatus()).isEqualTo(Status.UP);
      assertThat(result.getDetails()).containsEntry("active", 1);
    }
  }

  @Test
  void aPausedServerIsDownWithinTheTimeoutThenUpWhenItResumes() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    try (RawRedisClient admin = new RawRedisClient(server.port())) {
      // Every client is paused, this one too: the pause ends by itself (CLIENT UNPAUSE would wait for it).
      admin.call("CLIENT", "PAUSE", "2000", "ALL");
      long start = System.nanoTime();
      Health result = health.health();
      assertThat(millisSince(start)).isLessThan(BOUND_MILLIS);
      assertThat(result.getStatus()).isEqualTo(Status.DOWN);
      assertThat(result.getDetails()).containsKey("error");
    }
    assertThat(upWithin(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aKilledServerIsDownAtOnceThenUpAfterARestart() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    server.kill();
    long start = System.nanoTime();
    Health result = health.health();
    assertThat(millisSince(start)).isLessThan(BOUND_MILLIS);
    assertThat(result.getStatus()).isEqualTo(Status.DOWN);
    assertThat(result.getDetails().get("error")).asString().isNotBlank();
    server.restart();
    assertThat(upWithin(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void theProbeHasOneConnectionAndTheHealthTimeouts() {
    var config = RespiteHealthIndicator.probeConfig(dataSource, TIMEOUT);
    assertThat(config.poolMaxTotal()).isEqualTo(1);
    assertThat(config.socketTimeout()).isEqualTo(TIMEOUT);
    assertThat(config.poolMaxWait()).isEqualTo(TIMEOUT);
    assertThat(config.connectTimeout()).isEqualTo(TIMEOUT);
    assertThat(config.poolName()).isEqualTo("app-health");
  }

  private boolean upWithin(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (health.health().getStatus().equals(Status.UP)) {
        return true;
      }
    }
    return false;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
