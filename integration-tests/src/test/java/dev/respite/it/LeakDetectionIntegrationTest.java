package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeakDetectionIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void sessionHeldPastTheThresholdIsReportedWithWhereItWasOpened() throws Exception {
    try (CapturedLog log = CapturedLog.start()) {
      RedisDataSource ds = redis.dataSource("?leakDetectionThreshold=300ms&poolName=leak-reported");
      RedisSession leaked = ds.openSession();
      assertThat(leaked.ping()).isEqualTo("PONG");

      LogRecord warning = log.await(r -> r.getLevel() == Level.WARNING
          && r.getMessage().contains("leakDetectionThreshold"), 10);
      assertThat(warning).as("a leak warning within 10 s").isNotNull();
      assertThat(warning.getMessage()).contains(ds.poolName()).contains("possible leak");
      assertThat(warning.getThrown()).hasMessageContaining(Thread.currentThread().getName());
      assertThat(Arrays.stream(warning.getThrown().getStackTrace()).map(StackTraceElement::getMethodName))
          .as("the trace names the method that opened the session")
          .contains("sessionHeldPastTheThresholdIsReportedWithWhereItWasOpened");
      assertThat(warning.getThrown().getStackTrace()[0].getClassName())
          .as("the driver's own frames are trimmed").doesNotStartWith("dev.respite.impl.");

      leaked.close();
      LogRecord returned = log.await(r -> r.getLevel() == Level.INFO
          && r.getMessage().contains("returned its connection"), 5);
      assertThat(returned).as("the late return is logged").isNotNull();
      assertThat(log.at(Level.WARNING)).as("reported once")
          .filteredOn(r -> r.getMessage().contains(ds.poolName())).hasSize(1);
    }
  }

  @Test
  void sessionClosedInTimeIsNotReported() throws Exception {
    try (CapturedLog log = CapturedLog.start()) {
      RedisDataSource ds = redis.dataSource("?leakDetectionThreshold=500ms&poolName=leak-none");
      for (int i = 0; i < 20; i++) {
        try (RedisSession s = ds.openSession()) {
          s.ping();
        }
      }
      Thread.sleep(1_200); // more than the threshold plus a sweep period
      assertThat(log.at(Level.WARNING)).noneMatch(r -> r.getMessage().contains(ds.poolName()));
      assertThat(log.text()).doesNotContain("possible leak");
    }
  }

  @Test
  void leakDetectionIsOffByDefault() throws Exception {
    try (CapturedLog log = CapturedLog.start()) {
      RedisDataSource ds = redis.dataSource("");
      assertThat(ds.config().leakDetectionThreshold()).isZero();
      try (RedisSession held = ds.openSession()) {
        held.ping();
        Thread.sleep(300);
      }
      assertThat(log.text()).doesNotContain("possible leak");
    }
  }
}
