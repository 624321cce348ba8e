package dev.respite.it;

import static dev.respite.it.PubSubIntegrationTest.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.PoolStats;
import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A subscriber owns one connection and one thread, outside the pool, and gives both back on close. */
class PubSubLifecycleIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void closeIsIdempotentStopsTheThreadAndTheServerForgetsTheConnection() {
    RedisDataSource ds = redis.dataSource("?clientName=pubsub-lifecycle");
    RecordingMessageListener listener = new RecordingMessageListener();
    RedisSubscriber subscriber = ds.openSubscriber(listener);
    subscriber.subscribe("c");
    subscriber.psubscribe("p*");
    assertThat(SubscriberClients.of(redis)).hasSize(1).allMatch(line -> line.contains("name=pubsub-lifecycle"));
    String thread = threadOf(listener, ds);

    subscriber.close();
    subscriber.close();

    assertThat(subscriber.state()).isEqualTo(SubscriberState.CLOSED);
    listener.awaitState(SubscriberState.CLOSED);
    assertThat(listener.states).isEmpty(); // CLOSED came once
    assertThat(liveThreadNames()).doesNotContain(thread);
    SubscriberClients.awaitNone(redis);
    assertThatThrownBy(() -> subscriber.subscribe("c")).isInstanceOf(RedisException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void subscriberNeverTakesOrLeavesAPooledConnection() {
    RedisDataSource ds = redis.dataSource("?poolMaxTotal=2");
    publish(ds, "PUBLISH", "warm-up", "x");
    PoolStats before = ds.poolStats();
    RecordingMessageListener listener = new RecordingMessageListener();
    try (RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("c");
      assertThat(ds.poolStats()).isEqualTo(before);
      publish(ds, "PUBLISH", "c", "hello");
      assertThat(listener.next().payload()).isEqualTo("hello");
      subscriber.unsubscribe("c");
    }
    assertThat(ds.poolStats()).isEqualTo(before);
    // The pool's connection is a plain one: it runs any command, as a subscribed RESP2 connection could not.
    for (int i = 0; i < 3; i++) {
      assertThat(publish(ds, "PUBLISH", "c", "nobody")).isZero();
    }
    SubscriberClients.awaitNone(redis);
  }

  @Test
  void closingTheDataSourceClosesItsSubscribers() {
    RedisDataSource ds = redis.dataSource("");
    RecordingMessageListener first = new RecordingMessageListener();
    RecordingMessageListener second = new RecordingMessageListener();
    RedisSubscriber one = ds.openSubscriber(first);
    RedisSubscriber two = ds.openSubscriber(second);
    one.subscribe("a");
    two.psubscribe("*");
    assertThat(SubscriberClients.of(redis)).hasSize(2);

    ds.close();

    assertThat(one.state()).isEqualTo(SubscriberState.CLOSED);
    assertThat(two.state()).isEqualTo(SubscriberState.CLOSED);
    first.awaitState(SubscriberState.CLOSED);
    second.awaitState(SubscriberState.CLOSED);
    SubscriberClients.awaitNone(redis);
    assertThatThrownBy(() -> ds.openSubscriber(m -> { })).isInstanceOf(RedisException.class);
  }

  @Test
  void unreachableServerFailsOpenSubscriberWithoutLeavingAThread() {
    RedisDataSource ds = RedisDataSource.create("redis://127.0.0.1:1?connectTimeout=500ms");
    try {
      long before = subscriberThreads();
      assertThatThrownBy(() -> ds.openSubscriber(m -> { })).isInstanceOf(RedisConnectionException.class);
      assertThat(subscriberThreads()).isEqualTo(before);
    } finally {
      ds.close();
    }
  }

  /** The subscriber's thread name, learned from a message its listener received. */
  private static String threadOf(RecordingMessageListener listener, RedisDataSource ds) {
    publish(ds, "PUBLISH", "c", "which thread");
    listener.next();
    synchronized (listener.threadNames) {
      return listener.threadNames.get(0);
    }
  }

  private static List<String> liveThreadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toList());
  }

  private static long subscriberThreads() {
    return liveThreadNames().stream().filter(n -> n.matches("respite-subscriber-\\d+")).count();
  }
}
