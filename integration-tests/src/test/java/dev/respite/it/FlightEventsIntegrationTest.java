package dev.respite.it;

import static dev.respite.it.FlightRecording.COMMAND;
import static dev.respite.it.FlightRecording.CONNECTION_CLOSED;
import static dev.respite.it.FlightRecording.CONNECTION_OPENED;
import static dev.respite.it.FlightRecording.POOL_WAIT;
import static dev.respite.it.FlightRecording.SUBSCRIBER_RECONNECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.command.Pipeline;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import dev.respite.testsupport.RawRedisClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The driver's JFR events, recorded while real commands run, with their fields. */
class FlightEventsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void eachCommandIsAnEventWithItsNameDatabaseServerOutcomeAndBytes() {
    RedisDataSource ds = redis.dataSource("/2?poolName=jfr-commands");
    List<RecordedEvent> events;
    try (FlightRecording recording = FlightRecording.start()) {
      try (RedisSession s = ds.openSession()) {
        s.set("k", "v");
        s.get("k");
        assertThatThrownBy(() -> s.execute("HSET", "k", "f", "v")).isInstanceOf(RedisServerException.class);
      }
      events = recording.stop(COMMAND);
    }

    assertThat(events).extracting(e -> e.getString("command")).containsExactly("SET", "GET", "HSET");
    RecordedEvent get = events.get(1);
    assertThat(get.getInt("commands")).isEqualTo(1);
    assertThat(get.getInt("database")).isEqualTo(2);
    assertThat(get.getString("server")).isEqualTo(redis.host() + ":" + redis.port());
    assertThat(get.getString("pool")).isEqualTo("jfr-commands");
    assertThat(get.getString("outcome")).isEqualTo("success");
    assertThat(get.getString("errorCode")).isNull();
    assertThat(get.getLong("bytesWritten")).isEqualTo("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n".length());
    assertThat(get.getLong("bytesRead")).isEqualTo("$1\r\nv\r\n".length());
    assertThat(get.getDuration()).isPositive();
    RecordedEvent hset = events.get(2);
    assertThat(hset.getString("outcome")).isEqualTo("server error");
    assertThat(hset.getString("errorCode")).isEqualTo("WRONGTYPE");
  }

  @Test
  void aPipelineOrTransactionIsOneEventWithItsCommandCount() {
    RedisDataSource ds = redis.dataSource("?poolName=jfr-batches");
    List<RecordedEvent> events;
    try (FlightRecording recording = FlightRecording.start()) {
      try (RedisSession s = ds.openSession()) {
        try (Pipeline<String, String> p = s.pipeline()) {
          p.queueVoid(c -> c.set("a", "1"));
          p.queue(c -> c.incr("a"));
          p.queue(c -> c.get("a"));
        }
        s.transaction(tx -> {
          tx.queue(c -> c.incr("a"));
          tx.queue(c -> c.incr("a"));
        });
      }
      events = recording.stop(COMMAND);
    }

    assertThat(events).extracting(e -> e.getString("command") + "x" + e.getInt("commands"))
        .containsExactly("PIPELINEx3", "MULTIx2");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.getString("outcome")).isEqualTo("success");
      assertThat(e.getLong("bytesWritten")).isPositive();
      assertThat(e.getLong("bytesRead")).isPositive();
    });
  }

  @Test
  void poolWaitsAndTheirTimeoutsAreEvents() {
    RedisDataSource ds = redis.dataSource("?poolName=jfr-pool&poolMaxTotal=1&poolMaxWait=100ms");
    List<RecordedEvent> events;
    try (FlightRecording recording = FlightRecording.start()) {
      try (RedisSession held = ds.openSession()) {
        held.ping();
        assertThatThrownBy(ds::openSession).isInstanceOf(RedisPoolExhaustedException.class);
      }
      events = recording.stop(POOL_WAIT);
    }

    assertThat(events).extracting(e -> e.getString("outcome")).containsExactly("acquired", "timeout");
    assertThat(events).allSatisfy(e -> assertThat(e.getString("pool")).isEqualTo("jfr-pool"));
    assertThat(events.get(1).getDuration("waited")).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void connectionsOpenedAndClosedAreEventsWithTheReasonForClosing() {
    RedisDataSource ds = redis.dataSource("?poolName=jfr-connections&socketTimeout=200ms");
    String server = redis.host() + ":" + redis.port();
    List<RecordedEvent> events;
    try (FlightRecording recording = FlightRecording.start()) {
      try (RedisSession s = ds.openSession()) {
        assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "0.5")).isInstanceOf(RedisTimeoutException.class);
      }
      try (RawRedisClient admin = redis.admin()) {
        admin.call("PING"); // answered once the server is awake again
      }
      try (RedisSession s = ds.openSession()) {
        s.ping();
      }
      ds.close();
      events = recording.stop();
    }

    List<RecordedEvent> opened = named(events, CONNECTION_OPENED);
    assertThat(opened).hasSize(2).allSatisfy(e -> {
      assertThat(e.getString("server")).isEqualTo(server);
      assertThat(e.getString("pool")).isEqualTo("jfr-connections");
      assertThat(e.getDuration("setupTime")).isPositive();
    });
    assertThat(named(events, CONNECTION_CLOSED)).extracting(e -> e.getString("reason") + "/" + e.getString("cause"))
        .containsExactly("broken/timeout", "pool closed/null");
  }

  @Test
  void aSubscriberReconnectIsAnEvent() {
    RedisDataSource ds = redis.dataSource("?poolName=jfr-subscriber");
    RecordingMessageListener listener = new RecordingMessageListener();
    List<RecordedEvent> events;
    try (FlightRecording recording = FlightRecording.start();
        RedisSubscriber subscriber = ds.openSubscriber(listener)) {
      subscriber.subscribe("news");
      SubscriberClients.killTheSubscriber(redis);
      listener.awaitState(SubscriberState.RECONNECTING);
      events = recording.stop(SUBSCRIBER_RECONNECT);
    }

    assertThat(events).hasSize(1);
    assertThat(events.get(0).getString("cause")).isEqualTo("connection error");
    assertThat(events.get(0).getString("server")).isEqualTo(redis.host() + ":" + redis.port());
  }

  private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
  }
}
