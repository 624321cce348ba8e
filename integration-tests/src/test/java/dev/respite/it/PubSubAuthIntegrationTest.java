package dev.respite.it;

import static dev.respite.it.PubSubIntegrationTest.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import dev.respite.testsupport.RawRedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The subscriber authenticates like the pool does, again after each reconnection, and never shows the password. */
class PubSubAuthIntegrationTest {
  private static final String PASSWORD = "pubsub-S3cret";

  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.withArgs("--requirepass", PASSWORD);

  @Test
  void subscriberAuthenticatesAgainAfterRestartWithoutLoggingThePassword() {
    List<String> logged = new ArrayList<>();
    Logger logger = Logger.getLogger("dev.respite.impl.pubsub");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (logged) {
          logged.add(record.getMessage() + " " + record.getThrown());
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(capture);
    try {
      RedisDataSource ds = redis.dataSource("?protocol=3");
      RecordingMessageListener listener = new RecordingMessageListener();
      try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
        subscriber.subscribe("c");
        redis.restart();
        listener.awaitState(SubscriberState.CONNECTED);
        assertThat(publish(ds, "PUBLISH", "c", "after restart")).isEqualTo(1);
        assertThat(listener.next().payload()).isEqualTo("after restart");
        assertThat(subscriber.toString()).doesNotContain(PASSWORD);
      }
    } finally {
      logger.removeHandler(capture);
    }
    synchronized (logged) {
      assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
    }
  }

  @Test
  void refusedSubscriptionThrowsAndIsNotRenewedWhileOthersKeepWorking() {
    try (RawRedisClient admin = redis.admin()) {
      admin.call("ACL", "SETUSER", "reader", "reset", "on", ">reader-Pa55", "resetchannels", "&public.*",
          "+@all");
    }
    RedisDataSource ds = RedisDataSource.create(redis.url().replace("redis://", "redis://reader:reader-Pa55@"));
    try (ds; RedisSubscriber subscriber = ds.openSubscriber(new RecordingMessageListener())) {
      assertThatThrownBy(() -> subscriber.subscribe("private.news"))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("NOPERM"));
      subscriber.subscribe("public.news");
      assertThat(subscriber.channels()).containsExactly("public.news");
      assertThat(subscriber.state()).isEqualTo(SubscriberState.CONNECTED);
    }
  }

  @Test
  void wrongPasswordFailsOpenSubscriber() {
    try (RedisDataSource ds = RedisDataSource.create(redis.url().replace("redis://", "redis://:Wr0ng-Pa55@"))) {
      assertThatThrownBy(() -> ds.openSubscriber(m -> { }))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("WRONGPASS"))
          .hasMessageNotContaining("Wr0ng-Pa55");
    }
  }
}
