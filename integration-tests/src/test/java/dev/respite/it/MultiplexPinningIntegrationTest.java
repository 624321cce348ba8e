package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import dev.respite.command.StreamReadOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code multiplex}, a session shares the lanes until a command needs connection state; from then on
 * it holds a pooled connection of its own (it is pinned: the pool counts it active) until it closes. Every
 * trigger is tried, typed and raw, and whatever a pinned session changed never reaches the lanes or the
 * next session.
 */
class MultiplexPinningIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static RedisDataSource multiplexed(String name) {
    return redis.dataSource("?multiplex=1&poolMaxTotal=4&clientName=" + name);
  }

  @Test
  void unpinnedSessionsBorrowNothingAndShareOneLane() {
    try (RedisDataSource ds = multiplexed("mxshare")) {
      List<Long> ids = new ArrayList<>();
      List<RedisSession> sessions = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RedisSession s = ds.openSession();
        sessions.add(s);
        s.set("share:" + i, "v" + i);
        assertThat(s.get("share:" + i)).isEqualTo("v" + i);
        ids.add(s.execute("CLIENT", "ID").asLong());
      }
      assertThat(ds.poolStats().active()).isZero();
      assertThat(ids).containsOnly(ids.get(0));
      sessions.forEach(RedisSession::close);
      assertThat(ConnectionAccounting.awaitNamedConnections(redis, "mxshare", 1)).isEqualTo(1);
    }
  }

  /** Raw commands, as space-separated words, that must pin; each then runs on the session's own connection. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 0", "MULTI", "EXEC", "DISCARD", "WATCH pin:k", "UNWATCH", "BLPOP pin:empty 0.01",
      "BRPOP pin:empty 0.01", "BLMOVE pin:empty pin:b LEFT RIGHT 0.01", "BZPOPMIN pin:empty 0.01",
      "XREAD BLOCK 10 STREAMS pin:stream 0", "WAIT 0 10", "CLIENT SETNAME pinned", "CLIENT REPLY ON",
      "CLIENT TRACKING off", "CLIENT NO-EVICT on", "HELLO 2", "RESET", "UNSUBSCRIBE"})
  void rawExecuteOfAStatefulOrBlockingCommandPins(String words) {
    try (RedisDataSource ds = multiplexed("mxraw")) {
      try (RedisSession s = ds.openSession()) {
        long laneId = s.execute("CLIENT", "ID").asLong();
        assertThat(ds.poolStats().active()).isZero();
        String[] parts = words.split(" ");
        Throwable refused = catchThrowable(() -> s.execute(parts[0], (Object[]) Arrays.copyOfRange(parts, 1,
            parts.length)));
        assertThat(refused).as(words).satisfiesAnyOf(t -> assertThat(t).isNull(),
            t -> assertThat(t).isInstanceOf(RedisServerException.class)); // EXEC without MULTI, say
        assertThat(ds.poolStats().active()).as(words).isEqualTo(1);
        if (!words.equals("MULTI")) {
          long ownId = s.execute("CLIENT", "ID").asLong();
          assertThat(ownId).as(words).isNotEqualTo(laneId);
          assertThat(s.execute("CLIENT", "ID").asLong()).as("it stays on its own connection").isEqualTo(ownId);
        }
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void subscribeAndMonitorPinAndTheirConnectionIsNeverLentAgain() {
    for (String command : List.of("SUBSCRIBE", "MONITOR")) {
      try (RedisDataSource ds = multiplexed("mxsub")) {
        try (RedisSession s = ds.openSession()) {
          if (command.equals("SUBSCRIBE")) {
            s.execute("SUBSCRIBE", "pin:channel");
          } else {
            s.execute("MONITOR");
          }
          assertThat(ds.poolStats().active()).as(command).isEqualTo(1);
        }
        assertThat(ds.poolStats().idle()).as(command + ": closed, not returned").isZero();
        try (RedisSession next = ds.openSession()) {
          assertThat(next.ping()).isEqualTo("PONG");
        }
      }
    }
  }

  /** Typed triggers: each is a step on an open session; all must pin it. */
  @Test
  void typedStatefulAndBlockingCommandsPin() {
    List<Consumer<RedisSession>> triggers = List.of(
        s -> s.select(1),
        s -> s.watch("pin:w"),
        s -> s.transaction(tx -> tx.queueVoid(c -> c.set("pin:t", "1"))),
        s -> s.optimistic(3, List.of("pin:o"), tx -> tx.queue(c -> c.incr("pin:o"))),
        s -> s.multi().exec(),
        s -> s.blpop(Duration.ofMillis(10), "pin:empty"),
        s -> s.xread(StreamReadOptions.none().block(Duration.ofMillis(10)), Map.of("pin:stream", "0")),
        s -> {
          try (Pipeline<String, String> p = s.pipeline()) {
            p.queue(c -> c.blpop(Duration.ofMillis(10), "pin:empty"));
            p.sync();
          }
        },
        s -> {
          try (Pipeline<String, String> p = s.pipeline()) {
            for (int i = 0; i < 200; i++) { // beyond the 128 commands a lane takes in one pipeline
              p.queue(c -> c.incr("pin:long"));
            }
            p.sync();
          }
        },
        s -> s.set("pin:big", "x".repeat(100_000))); // beyond the 64 KiB a lane takes in one frame
    try (RedisDataSource ds = multiplexed("mxtyped")) {
      for (int i = 0; i < triggers.size(); i++) {
        try (RedisSession s = ds.openSession()) {
          assertThat(ds.poolStats().active()).isZero();
          triggers.get(i).accept(s);
          assertThat(ds.poolStats().active()).as("trigger %d", i).isEqualTo(1);
        }
      }
      try (RedisSession s = ds.openSession(2)) {
        assertThat(ds.poolStats().active()).as("openSession of another database").isEqualTo(1);
        assertThat(s.database()).isEqualTo(2);
      }
      try (RedisSession s = ds.openSession(0)) {
        s.select(0); // the lanes' database: no connection needed
        assertThat(ds.poolStats().active()).isZero();
      }
    }
  }

  @Test
  void smallPipelinesRunOnALaneAndGetTheirOwnReplies() {
    try (RedisDataSource ds = multiplexed("mxpipe"); RedisSession s = ds.openSession()) {
      List<Response<Long>> counts = new ArrayList<>();
      try (Pipeline<String, String> p = s.pipeline()) {
        p.queueVoid(c -> c.set("pipe:text", "abc"));
        Response<Long> wrongType = p.queue(c -> c.incr("pipe:text"));
        for (int i = 0; i < 50; i++) {
          counts.add(p.queue(c -> c.incr("pipe:n")));
        }
        p.sync();
        assertThat(catchThrowable(wrongType::get)).isInstanceOf(RedisServerException.class);
      }
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i).get()).isEqualTo(i + 1);
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void anEmptyPipelineSendsNothingAndOneLongerThanALaneHoldsPins() {
    try (RedisDataSource ds = redis.dataSource("?multiplex=1&multiplexMaxInFlight=4&poolMaxWait=300ms");
        RedisSession s = ds.openSession()) {
      try (Pipeline<String, String> p = s.pipeline()) {
        p.sync();
      }
      assertThat(s.execute("ECHO", "after nothing").asString()).isEqualTo("after nothing");
      assertThat(ds.poolStats().active()).isZero();
      List<Response<Long>> counts = new ArrayList<>();
      try (Pipeline<String, String> p = s.pipeline()) {
        for (int i = 0; i < 5; i++) { // more than the lane's multiplexMaxInFlight of 4
          counts.add(p.queue(c -> c.incr("pipe:five")));
        }
        p.sync();
      }
      assertThat(counts.get(4).get()).isEqualTo(5);
      assertThat(ds.poolStats().active()).isEqualTo(1);
    }
  }

  @Test
  void aWatchAndItsExecRunOnTheSameConnection() {
    try (RedisDataSource ds = multiplexed("mxwatch"); RedisSession s = ds.openSession()) {
      s.set("watch:k", "1");
      s.watch("watch:k");
      redis.admin().call("SET", "watch:k", "2"); // another client changes the watched key
      assertThat(s.get("watch:k")).isEqualTo("2");
      assertThat(s.transaction(tx -> tx.queueVoid(c -> c.set("watch:k", "3")))).isFalse();
      assertThat(s.get("watch:k")).isEqualTo("2");
    }
  }

  @Test
  void statePinnedSessionsChangedNeverReachesTheLanesOrTheNextSession() {
    try (RedisDataSource ds = multiplexed("mxleak")) {
      try (RedisSession s = ds.openSession()) {
        s.select(5);
        s.set("leak:k", "in5");
        s.execute("CLIENT", "SETNAME", "renamed");
        s.watch("leak:w");
      }
      try (RedisSession next = ds.openSession()) {
        assertThat(next.database()).isZero();
        assertThat(next.get("leak:k")).as("the lanes stay in database 0").isNull();
        next.set("leak:k", "in0");
        assertThat(next.execute("CLIENT", "GETNAME").asString()).isEqualTo("mxleak");
        redis.admin().call("SET", "leak:w", "changed");
        assertThat(next.transaction(tx -> tx.queueVoid(c -> c.set("leak:w", "mine")))).isTrue();
      }
      try (RedisSession five = ds.openSession(5)) {
        assertThat(five.get("leak:k")).isEqualTo("in5");
      }
      ConnectionAccounting.assertNoLeak(redis, ds, "mxleak", 1);
    }
  }
}
