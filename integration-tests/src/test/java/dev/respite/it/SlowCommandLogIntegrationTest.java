package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code slowCommandThreshold}: a WARNING per slow command, with its name but never its arguments. */
class SlowCommandLogIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void aCommandSlowerThanTheThresholdIsLoggedWithoutItsArguments() {
    RedisDataSource ds = redis.dataSource("/3?slowCommandThreshold=100ms");
    List<LogRecord> warnings;
    try (CapturedLog log = CapturedLog.start(); RedisSession s = ds.openSession()) {
      s.set("quick-key", "secret-value");
      s.get("quick-key");
      assertThat(s.blpop(Duration.ofMillis(300), "secret-queue")).isNull();
      warnings = log.at(Level.WARNING);
    }

    assertThat(warnings).hasSize(1);
    String message = warnings.get(0).getMessage();
    assertThat(message).contains("BLPOP", redis.host() + ":" + redis.port(), "database 3",
        "slowCommandThreshold 100.000 ms", "waited");
    assertThat(message).doesNotContain("secret-queue", "secret-value", "quick-key");
  }

  @Test
  void withoutTheOptionNothingIsLogged() {
    RedisDataSource ds = redis.dataSource("");
    try (CapturedLog log = CapturedLog.start(); RedisSession s = ds.openSession()) {
      assertThat(s.blpop(Duration.ofMillis(200), "queue")).isNull();
      assertThat(log.at(Level.WARNING)).isEmpty();
    }
  }
}
