package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.metrics.RespiteMetrics;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A subscriber's messages and reconnections reach the data source's listeners, and so its meters. */
class SubscriberMetricsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void everyDeliveredMessageIsTimedWithTheListenersTime() throws Exception {
    RedisDataSource ds = redis.dataSource("?poolName=feed");
    RespiteMetrics.bind(ds, registry);
    RecordingMessageListener recorder = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(message -> {
      sleepMillis(20);
      recorder.onMessage(message);
    })) {
      subscriber.subscribe("news");
      try (RedisSession s = ds.openSession()) {
        for (int i = 0; i < 3; i++) {
          s.execute("PUBLISH", "news", "m" + i);
        }
      }
      assertThat(recorder.nextPayloads(3)).containsExactly("m0", "m1", "m2");
      Timer timer = registry.get("respite.subscriber.message.duration").tag("pool.name", "feed").timer();
      Eventually.reaches(() -> timer.count(), 3);
      assertThat(timer.max(TimeUnit.MILLISECONDS)).as("the listener's own time").isGreaterThanOrEqualTo(19);
    }
  }

  @Test
  void reconnectionIsCountedWithTheErrorTypeOfTheLoss() throws Exception {
    RedisDataSource ds = redis.dataSource("?poolName=feed");
    RespiteMetrics.bind(ds, registry);
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("news");
      SubscriberClients.killTheSubscriber(redis);
      listener.awaitState(SubscriberState.CONNECTED);
      Counter reconnects = registry.get("respite.subscriber.reconnects")
          .tags("pool.name", "feed", "error.type", "connection").counter();
      assertThat(reconnects.count()).isEqualTo(1);
    }
    ds.close();
    assertThat(registry.find("respite.subscriber.reconnects").counters()).as("removed with the data source")
        .isEmpty();
    assertThat(registry.find("respite.subscriber.message.duration").timers()).isEmpty();
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
