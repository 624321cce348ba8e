package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.respite.testsupport.RawRedisClient;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the fixture that every integration test relies on. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisServerExtensionTest {

  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  @Order(1)
  void serverAnswersPingOnTheAdvertisedLoopbackPort() {
    assertThat(redis.url()).isEqualTo("redis://" + redis.host() + ":" + redis.port());
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("PING")).isEqualTo("PONG");
    }
  }

  @Test
  @Order(2)
  void reportsTheServerVersion() {
    assertThat(redis.redisVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  @Order(3)
  void debugSleepIsEnabledSoTestsCanSimulateASlowServer() {
    assumeTrue(System.getenv("REDIS_URL") == null, "an external server decides its own DEBUG policy");
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("DEBUG", "SLEEP", "0")).isEqualTo("OK");
    }
  }

  @Test
  @Order(10)
  void writesKeysThatTheNextTestMustNotSee() {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("SET", "leak", "from-previous-test")).isEqualTo("OK");
      assertThat(admin.call("SELECT", "1")).isEqualTo("OK");
      assertThat(admin.call("SET", "leak", "in-db-1")).isEqualTo("OK");
    }
  }

  @Test
  @Order(11)
  void everyTestStartsWithAllDatabasesEmpty() {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("GET", "leak")).isNull();
      assertThat(admin.call("SELECT", "1")).isEqualTo("OK");
      assertThat(admin.call("DBSIZE")).isEqualTo(0L);
    }
  }

  @Test
  @Order(20)
  void restartKeepsThePortAndTheServerAnswersAfterwards() {
    int port = redis.port();
    try (RawRedisClient admin = redis.admin()) {
      admin.call("SET", "volatile", "gone after restart");
    }

    redis.restart();

    assertThat(redis.port()).isEqualTo(port);
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("PING")).isEqualTo("PONG");
      assertThat(admin.call("GET", "volatile")).as("persistence is off").isNull();
    }
  }

  @Test
  @Order(30)
  void killRefusesConnectionsUntilStartBringsTheServerBack() {
    redis.kill();
    assertThatThrownBy(() -> new RawRedisClient(redis.host(), redis.port()))
        .isInstanceOf(UncheckedIOException.class);

    redis.start();

    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("PING")).isEqualTo("PONG");
    }
  }

  @Test
  @Order(40)
  void errorRepliesAreReturnedAsValuesNotThrown() {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("NO-SUCH-COMMAND"))
          .isInstanceOfSatisfying(RawRedisClient.ErrorReply.class, e -> assertThat(e.code()).isEqualTo("ERR"));
    }
  }
}
