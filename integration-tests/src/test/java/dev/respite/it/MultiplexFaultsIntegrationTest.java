package dev.respite.it;

import static dev.respite.testsupport.FakeRespServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.testsupport.FakeRespServer;
import dev.respite.testsupport.Fault;
import dev.respite.testsupport.FaultProxy;
import dev.respite.testsupport.RawRedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault suite with {@code multiplex}: a timeout closes the lane (policy: the lane is replaced, every
 * command in flight on it fails, no late reply is ever read), a killed or crashed server fails what was in
 * flight with {@link RedisConnectionException} and a new lane takes over, a pause loses nothing, and a
 * malformed reply fails its own caller with {@link RedisProtocolException}, a trickled reply times out.
 */
class MultiplexFaultsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @BeforeAll
  static void onlyOnAServerOfOurOwn() {
    Assumptions.assumeTrue(System.getenv("REDIS_URL") == null, "skipped: REDIS_URL is set");
  }

  @Test
  void aTimeoutFailsItsCallerClosesTheLaneAndNoLateReplyIsRead() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?multiplex=1&socketTimeout=500ms&clientName=mxsleep")) {
      try (RedisSession s = ds.openSession()) {
        s.set("sleep:k", "mine");
      }
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        long start = System.nanoTime();
        Future<Throwable> sleeper = threads.submit(() -> caught(ds, s -> s.execute("DEBUG", "SLEEP", "1.5")));
        Thread.sleep(100);
        Future<Throwable> behind = threads.submit(() -> caught(ds, s -> s.get("sleep:k")));
        assertThat(sleeper.get(10, TimeUnit.SECONDS)).isInstanceOf(RedisTimeoutException.class)
            .hasMessageContaining("socketTimeout");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_400);
        // Written behind the sleep on the same lane: it fails with the lane, never gets another's reply.
        assertThat(behind.get(10, TimeUnit.SECONDS)).isInstanceOfAny(RedisConnectionException.class,
            RedisTimeoutException.class);
      } finally {
        threads.shutdownNow();
      }
      Thread.sleep(1_600); // the sleep is over; its +OK went to a closed socket
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("ECHO", "after").asString()).isEqualTo("after");
        assertThat(s.get("sleep:k")).isEqualTo("mine");
      }
      ConnectionAccounting.assertNoLeak(redis, ds, "mxsleep", 1);
    }
  }

  @Test
  void clientKillOfALaneIsSurvivedByTheNextCommandOnANewLane() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?multiplex=1&clientName=mxkill")) {
      long killed;
      try (RedisSession s = ds.openSession()) {
        killed = s.execute("CLIENT", "ID").asLong();
      }
      try (RawRedisClient admin = redis.admin()) {
        admin.call("CLIENT", "KILL", "ID", Long.toString(killed));
      }
      // At once, no wait: the idle lane is checked before the command is written to it, found closed, and
      // the command, provably never written, goes to a new lane.
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("ECHO", "again").asString()).isEqualTo("again");
        assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(killed);
      }
      ConnectionAccounting.assertNoLeak(redis, ds, "mxkill", 1);
    }
  }

  @Test
  void aServerKilledUnderLoadFailsOnlyWithConnectionErrorsAndNeverMisroutes() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?multiplex=2&socketTimeout=2s&connectTimeout=500ms")) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong failures = new AtomicLong();
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Future<?>> workers = new ArrayList<>();
      try {
        for (int t = 0; t < 16; t++) {
          String owner = "crash-" + t;
          workers.add(threads.submit(() -> {
            for (long i = 0; running.get(); i++) {
              try (RedisSession s = ds.openSession()) {
                OwnReplies.exchange(s, owner, i);
              } catch (RedisConnectionException | RedisTimeoutException expected) {
                failures.incrementAndGet(); // a misrouted reply would be an AssertionError instead
              }
            }
            return null;
          }));
        }
        Thread.sleep(500);
        redis.kill();
        Thread.sleep(500);
        redis.start();
        Thread.sleep(1_500);
        running.set(false);
        for (Future<?> worker : workers) {
          worker.get(30, TimeUnit.SECONDS); // rethrows an AssertionError or an unexpected exception
        }
      } finally {
        running.set(false);
        threads.shutdownNow();
      }
      assertThat(failures.get()).as("commands in flight or sent while the server was down").isPositive();
      OwnReplies.inParallel(ds, "after-crash", 8, 20);
    }
  }

  @Test
  void aClientPauseShorterThanTheSocketTimeoutLosesNothing() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?multiplex=2&socketTimeout=10s&clientName=mxpause")) {
      OwnReplies.inParallel(ds, "warm", 4, 2);
      try (RawRedisClient admin = redis.admin()) {
        admin.call("CLIENT", "PAUSE", "500", "ALL");
      }
      assertThat(OwnReplies.inParallel(ds, "paused", 16, 10)).isEqualTo(16L * 10 * 3 / 2);
      ConnectionAccounting.assertNoLeak(redis, ds, "mxpause", 2);
    }
  }

  @Test
  void aMalformedReplyFailsItsCallerAndTheLaneIsReplaced() {
    FakeRespServer.Script script = command -> {
      String name = FakeRespServer.name(command);
      if (name.equals("ECHO")) {
        byte[] text = command.get(1);
        return ascii("$" + text.length + "\r\n" + new String(text, StandardCharsets.US_ASCII) + "\r\n");
      }
      return name.equals("GET") ? ascii("?not resp\r\n") : ascii("+OK\r\n");
    };
    try (FakeRespServer server = FakeRespServer.start(script);
        RedisDataSource ds = RedisDataSource.create(server.url() + "?multiplex=1&socketTimeout=5s")) {
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("ECHO", "one").asString()).isEqualTo("one");
        assertThat(catchThrowable(() -> s.get("k"))).isInstanceOf(RedisProtocolException.class);
        assertThat(s.execute("ECHO", "two").asString()).isEqualTo("two");
      }
      assertThat(server.acceptedConnections()).as("the broken lane was replaced").isEqualTo(2);
    }
  }

  @Test
  void aTrickledReplyTimesOutAndAResetMidReplyFailsWithTheLane() throws Exception {
    try (FaultProxy proxy = FaultProxy.start(redis.port());
        RedisDataSource ds = RedisDataSource.create(proxy.url() + "?multiplex=1&socketTimeout=500ms")) {
      try (RedisSession s = ds.openSession()) {
        s.set("trickle:k", "a value long enough to trickle");
        proxy.inject(Fault.trickle(Duration.ofMillis(200)));
        assertThat(catchThrowable(() -> s.get("trickle:k"))).isInstanceOf(RedisTimeoutException.class);
        proxy.inject(Fault.resetMidReply());
        assertThat(catchThrowable(() -> s.get("trickle:k"))).isInstanceOf(RedisConnectionException.class);
        proxy.inject(Fault.none());
        assertThat(s.get("trickle:k")).isEqualTo("a value long enough to trickle");
        assertThat(s.execute("ECHO", "own").asString()).isEqualTo("own");
      }
    }
  }

  private static Throwable caught(RedisDataSource ds, java.util.function.Consumer<RedisSession> step) {
    try (RedisSession s = ds.openSession()) {
      step.accept(s);
      return new AssertionError("no failure");
    } catch (RedisException e) {
      return e;
    }
  }
}
