package dev.respite.it;

import static dev.respite.it.PubSubIntegrationTest.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisTimeoutException;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import dev.respite.testsupport.RawRedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A subscriber outlives its connection: it reconnects and subscribes to everything again. */
class PubSubReconnectIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void everySubscriptionIsRenewedAfterAServerRestart(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol + "&clientName=resubscriber");
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("news");
      subscriber.psubscribe("audit.*");
      subscriber.ssubscribe("orders");
      publish(ds, "PUBLISH", "news", "before");
      assertThat(listener.next().payload()).isEqualTo("before");

      redis.restart();
      listener.awaitState(SubscriberState.RECONNECTING);
      assertThat(listener.reconnectCauses.peek()).isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining(String.valueOf(redis.port()));
      listener.awaitState(SubscriberState.CONNECTED);
      assertThat(subscriber.state()).isEqualTo(SubscriberState.CONNECTED);

      assertThat(publish(ds, "PUBLISH", "news", "after")).isEqualTo(1);
      assertThat(publish(ds, "PUBLISH", "audit.login", "ada")).isEqualTo(1);
      assertThat(publish(ds, "SPUBLISH", "orders", "order-2")).isEqualTo(1);
      assertThat(listener.nextPayloads(3)).containsExactly("after", "ada", "order-2");
      assertThat(SubscriberClients.of(redis)).hasSize(1)
          .allMatch(line -> line.contains("name=resubscriber"));
    }
  }

  @Test
  void subscribeWhileTheServerIsDownTakesEffectOnReconnection() {
    RedisDataSource ds = redis.dataSource("?connectTimeout=500ms&socketTimeout=500ms");
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("first");
      redis.kill();
      listener.awaitState(SubscriberState.RECONNECTING);
      // Not confirmable now: it times out, but the subscription is kept and renewed with the others.
      assertThatThrownBy(() -> subscriber.subscribe("second")).isInstanceOf(RedisTimeoutException.class)
          .hasMessageContaining("SUBSCRIBE");
      assertThat(subscriber.channels()).containsExactly("first", "second");
      redis.start();
      listener.awaitState(SubscriberState.CONNECTED);
      assertThat(publish(ds, "PUBLISH", "second", "late")).isEqualTo(1);
      assertThat(listener.next().channel()).isEqualTo("second");
    }
  }

  @Test
  void killedSubscriberConnectionIsReplaced() {
    RedisDataSource ds = redis.dataSource("?protocol=3");
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("c");
      SubscriberClients.killTheSubscriber(redis);
      listener.awaitState(SubscriberState.CONNECTED);
      assertThat(publish(ds, "PUBLISH", "c", "again")).isEqualTo(1);
      assertThat(listener.next().payload()).isEqualTo("again");
    }
  }

  /**
   * A server that stops answering without closing the connection (a network partition, a hung process)
   * is noticed by the keep-alive PING: the subscriber reconnects once the server answers again.
   */
  @Test
  void silentServerIsNoticedByTheKeepAliveAndTheSubscriberRecovers() throws InterruptedException {
    RedisDataSource ds = redis.dataSource("?socketTimeout=300ms&subscriberPingInterval=200ms");
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("c");
      try (RawRedisClient admin = redis.admin()) {
        admin.call("CLIENT", "PAUSE", "2000", "ALL"); // no client gets an answer for 2 s
      }
      listener.awaitState(SubscriberState.RECONNECTING);
      assertThat(listener.reconnectCauses.peek()).isInstanceOf(RedisTimeoutException.class)
          .hasMessageContaining("pings every 200 ms");
      listener.awaitState(SubscriberState.CONNECTED);
      assertThat(publish(ds, "PUBLISH", "c", "after the pause")).isEqualTo(1);
      Message message = listener.next();
      assertThat(message.payload()).isEqualTo("after the pause");
    }
  }

  /** Nothing is read while the listener runs, so a slow listener must not look like a silent server. */
  @Test
  void slowListenerIsNotMistakenForADeadConnection() {
    RedisDataSource ds = redis.dataSource("?socketTimeout=200ms&subscriberPingInterval=100ms");
    RecordingMessageListener recorder = new RecordingMessageListener();
    MessageListener slow = new MessageListener() {
      @Override
      public void onMessage(Message message) {
        recorder.onMessage(message);
        try {
          Thread.sleep(400); // longer than pingInterval + socketTimeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onStateChange(SubscriberState state, Throwable cause) {
        recorder.onStateChange(state, cause);
      }
    };
    try (RedisSubscriber subscriber = ds.openSubscriber(slow)) {
      subscriber.subscribe("c");
      for (int i = 0; i < 5; i++) {
        publish(ds, "PUBLISH", "c", "m" + i);
      }
      assertThat(recorder.nextPayloads(5)).containsExactly("m0", "m1", "m2", "m3", "m4");
      assertThat(recorder.states).isEmpty();
      assertThat(subscriber.state()).isEqualTo(SubscriberState.CONNECTED);
    }
  }
}
