package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageKind;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages reach a subscriber for each kind of subscription, in RESP2 and RESP3, in order, until unsubscribed. */
class PubSubIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void channelSubscriberReceivesEveryMessageInPublishOrder(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("news", "sport");
      assertThat(subscriber.channels()).containsExactly("news", "sport");
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String channel = i % 2 == 0 ? "news" : "sport";
        assertThat(publish(ds, "PUBLISH", channel, "m" + i)).isEqualTo(1);
        sent.add(channel + ":m" + i);
      }
      List<String> received = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Message message = listener.next();
        assertThat(message.kind()).isEqualTo(MessageKind.CHANNEL);
        assertThat(message.pattern()).isNull();
        received.add(message.channel() + ":" + message.payload());
      }
      assertThat(received).isEqualTo(sent);
      assertThat(listener.threadNames).allMatch(name -> name.startsWith("respite-subscriber-"));
    }
  }

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void patternSubscriberLearnsThePatternAndTheChannel(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.psubscribe("audit.*");
      assertThat(publish(ds, "PUBLISH", "audit.login", "ada")).isEqualTo(1);
      assertThat(publish(ds, "PUBLISH", "other", "ignored")).isZero();
      Message message = listener.next();
      assertThat(message.kind()).isEqualTo(MessageKind.PATTERN);
      assertThat(message.pattern()).isEqualTo("audit.*");
      assertThat(message.channel()).isEqualTo("audit.login");
      assertThat(message.payload()).isEqualTo("ada");
    }
  }

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void shardChannelSubscriberReceivesSpublish(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.ssubscribe("orders{eu}");
      assertThat(subscriber.shardChannels()).containsExactly("orders{eu}");
      assertThat(publish(ds, "SPUBLISH", "orders{eu}", "order-1")).isEqualTo(1);
      Message message = listener.next();
      assertThat(message.kind()).isEqualTo(MessageKind.SHARD_CHANNEL);
      assertThat(message.channel()).isEqualTo("orders{eu}");
      assertThat(message.payload()).isEqualTo("order-1");
    }
  }

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void unsubscribeStopsDeliveryOfThatSubscriptionOnly(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("a", "b");
      subscriber.psubscribe("p.*");
      subscriber.ssubscribe("s");
      subscriber.unsubscribe("a");
      subscriber.punsubscribe();
      subscriber.sunsubscribe("s");
      assertThat(subscriber.channels()).containsExactly("b");
      assertThat(subscriber.patterns()).isEmpty();
      assertThat(subscriber.shardChannels()).isEmpty();

      // The server itself counts no receiver any more; the last message, still subscribed, proves that
      // anything published before it would have been delivered first.
      assertThat(publish(ds, "PUBLISH", "a", "dropped")).isZero();
      assertThat(publish(ds, "PUBLISH", "p.x", "dropped")).isZero();
      assertThat(publish(ds, "SPUBLISH", "s", "dropped")).isZero();
      assertThat(publish(ds, "PUBLISH", "b", "kept")).isEqualTo(1);
      Message message = listener.next();
      assertThat(message.channel() + ":" + message.payload()).isEqualTo("b:kept");

      subscriber.unsubscribe();
      assertThat(subscriber.channels()).isEmpty();
      assertThat(publish(ds, "PUBLISH", "b", "dropped")).isZero();
    }
  }

  @Test
  void binaryPayloadArrivesUnchanged() {
    RedisDataSource ds = redis.dataSource("");
    RecordingMessageListener listener = new RecordingMessageListener();
    byte[] payload = {0, (byte) 0xFF, '\r', '\n', (byte) 0xC3};
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("bin");
      try (RedisSession session = ds.openSession()) {
        session.execute("PUBLISH", "bin".getBytes(StandardCharsets.UTF_8), payload);
      }
      assertThat(listener.next().payloadBytes()).isEqualTo(payload);
    }
  }

  @Test
  void throwingListenerIsLoggedAndTheNextMessageStillArrives() {
    RedisDataSource ds = redis.dataSource("");
    RecordingMessageListener recorder = new RecordingMessageListener();
    MessageListener throwing = message -> {
      recorder.onMessage(message);
      if (message.payload().startsWith("boom")) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (RedisSubscriber subscriber = ds.openSubscriber(throwing)) {
      subscriber.subscribe("c");
      publish(ds, "PUBLISH", "c", "boom-1");
      publish(ds, "PUBLISH", "c", "boom-2");
      publish(ds, "PUBLISH", "c", "fine");
      assertThat(recorder.nextPayloads(3)).containsExactly("boom-1", "boom-2", "fine");
    }
  }

  @Test
  void listenerMaySubscribeFromItsOwnCallback() {
    RedisDataSource ds = redis.dataSource("");
    RecordingMessageListener recorder = new RecordingMessageListener();
    RedisSubscriber[] self = new RedisSubscriber[1];
    MessageListener chaining = message -> {
      recorder.onMessage(message);
      if (message.channel().equals("first")) {
        self[0].subscribe("second"); // must not wait for a confirmation only this thread can read
      }
    };
    try (RedisSubscriber subscriber = ds.openSubscriber(chaining)) {
      self[0] = subscriber;
      subscriber.subscribe("first");
      publish(ds, "PUBLISH", "first", "go");
      assertThat(recorder.next().channel()).isEqualTo("first");
      // The listener subscribed after the message; publish until the subscription is in place.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (publish(ds, "PUBLISH", "second", "x") == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(recorder.next().channel()).isEqualTo("second");
    }
  }

  @Test
  void subscribingToNothingIsRejected() {
    RedisDataSource ds = redis.dataSource("");
    try (RedisSubscriber subscriber = ds.openSubscriber(message -> { })) {
      assertThatThrownBy(subscriber::subscribe).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SUBSCRIBE");
      assertThatThrownBy(subscriber::psubscribe).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PSUBSCRIBE");
    }
  }

  static long publish(RedisDataSource ds, String command, String channel, String message) {
    try (RedisSession session = ds.openSession()) {
      return session.execute(command, channel, message).asLong();
    }
  }
}
