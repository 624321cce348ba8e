package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.testsupport.Fault;
import dev.respite.testsupport.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The network between driver and server misbehaves, through a {@link FaultProxy}: each fault fails the
 * commands it hits with the documented exception within the timeouts, never gives a caller a reply that is
 * not its own, leaks no connection, and once the network heals the same data source works again.
 */
class FaultInjectionIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static final AtomicInteger FAULTS_TRIED = new AtomicInteger();
  /** Socket timeout of the tests that expect one, and the longest a timed-out command may take. */
  private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(500);
  private static final long TIMEOUT_BOUND_MILLIS = 5_000;

  private FaultProxy proxy;

  @BeforeEach
  void startProxy() {
    proxy = FaultProxy.start(redis.port());
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  @Test
  void latencyBelowTheSocketTimeoutOnlySlowsRepliesDown() throws Exception {
    try (RedisDataSource ds = dataSource("latency", "socketTimeout=5s&poolMaxTotal=4")) {
      inject(Fault.latency(Duration.ofMillis(20)));
      assertThat(OwnReplies.inParallel(ds, "latency", 8, 15)).isEqualTo(8 * (8 * 1L + 7 * 2L));
      healAndCheck(ds, "latency");
    }
  }

  @Test
  void latencyAboveTheSocketTimeoutTimesOutAndTheLateReplyIsReadByNobody() throws Exception {
    try (RedisDataSource ds = dataSource("slow", "socketTimeout=" + SOCKET_TIMEOUT.toMillis() + "ms&poolMaxTotal=1")) {
      warmUp(ds, 1);
      inject(Fault.latency(Duration.ofMillis(1_500)));
      assertFailsWithin(ds, RedisTimeoutException.class);
      healAndCheck(ds, "slow");
    }
  }

  @Test
  void blackholeTimesOutOpenAndNewConnectionsAlike() throws Exception {
    try (RedisDataSource ds = dataSource("blackhole",
        "socketTimeout=" + SOCKET_TIMEOUT.toMillis() + "ms&connectTimeout=500ms&poolMaxTotal=2")) {
      warmUp(ds, 1);
      inject(Fault.blackhole());
      assertFailsWithin(ds, RedisTimeoutException.class); // on the warm connection
      assertFailsWithin(ds, RedisTimeoutException.class); // on one accepted during the blackhole
      healAndCheck(ds, "blackhole");
    }
  }

  @Test
  void resetMidReplyFailsWithAConnectionError() throws Exception {
    try (RedisDataSource ds = dataSource("reset", "poolMaxTotal=2")) {
      storeLargeValue(ds);
      inject(Fault.resetMidReply());
      assertLargeValueFails(ds);
      healAndCheck(ds, "reset");
    }
  }

  @Test
  void closeMidReplyFailsWithAConnectionError() throws Exception {
    try (RedisDataSource ds = dataSource("close", "poolMaxTotal=2")) {
      storeLargeValue(ds);
      inject(Fault.closeMidReply());
      assertLargeValueFails(ds);
      healAndCheck(ds, "close");
    }
  }

  @Test
  void repliesInOneByteSegmentsAreDecodedWhole() throws Exception {
    try (RedisDataSource ds = dataSource("segments", "socketTimeout=10s&poolMaxTotal=4")) {
      String large = storeLargeValue(ds);
      inject(Fault.oneByteSegments());
      try (RedisSession s = ds.openSession()) {
        assertThat(s.get("large")).isEqualTo(large);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          s.set("seg:" + i, "value-" + i);
          keys.add("seg:" + i);
        }
        List<String> values = new ArrayList<>();
        s.execute("MGET", keys.toArray()).asList().forEach(r -> values.add(r.asString()));
        assertThat(values).hasSize(40).allSatisfy(v -> assertThat(v).startsWith("value-"));
        for (int i = 0; i < 40; i++) {
          assertThat(values.get(i)).isEqualTo("value-" + i);
        }
      }
      OwnReplies.inParallel(ds, "segments", 4, 20);
      healAndCheck(ds, "segments");
    }
  }

  @Test
  void slowTrickleWithinTheSocketTimeoutIsDecodedWhole() throws Exception {
    try (RedisDataSource ds = dataSource("trickle", "socketTimeout=2s&poolMaxTotal=2")) {
      warmUp(ds, 2);
      inject(Fault.trickle(Duration.ofMillis(2)));
      OwnReplies.inParallel(ds, "trickle", 2, 4);
      healAndCheck(ds, "trickle");
    }
  }

  @Test
  void trickleSlowerThanTheSocketTimeoutBetweenBytesTimesOut() throws Exception {
    try (RedisDataSource ds = dataSource("stalled", "socketTimeout=" + SOCKET_TIMEOUT.toMillis() + "ms&poolMaxTotal=1")) {
      warmUp(ds, 1);
      inject(Fault.trickle(Duration.ofMillis(1_500)));
      assertFailsWithin(ds, RedisTimeoutException.class);
      healAndCheck(ds, "stalled");
    }
  }

  @Test
  void replyTrickledSlowerOverallThanTheSocketTimeoutFailsWithinIt() throws Exception {
    try (RedisDataSource ds = dataSource("dribble", "socketTimeout=" + SOCKET_TIMEOUT.toMillis() + "ms&poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.set("dribble", "d".repeat(60));
      }
      inject(Fault.trickle(Duration.ofMillis(100))); // each byte in time, the whole reply about 7 s
      long start = System.nanoTime();
      Throwable thrown = catchThrowable(() -> {
        try (RedisSession s = ds.openSession()) {
          s.get("dribble");
        }
      });
      assertThat(thrown).isInstanceOf(RedisTimeoutException.class);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3 * SOCKET_TIMEOUT.toMillis());
      healAndCheck(ds, "dribble");
    }
  }

  @Test
  void connectionsResetWhileIdleAreReplacedOnBorrow() throws Exception {
    try (RedisDataSource ds = dataSource("dropped", "poolMaxTotal=4")) {
      warmUp(ds, 4);
      FAULTS_TRIED.incrementAndGet();
      proxy.resetAll();
      ConnectionAccounting.sleep(100);
      // Nothing fails: every dead idle connection is found on borrow and replaced.
      OwnReplies.inParallel(ds, "dropped", 4, 10);
      healAndCheck(ds, "dropped");
    }
  }

  @AfterAll
  static void report() {
    System.out.println("[reliability] network faults injected through the proxy: " + FAULTS_TRIED.get());
  }

  private RedisDataSource dataSource(String name, String options) {
    return RedisDataSource.create(proxy.url()
        + RedisServerExtension.withSuiteOptions("?clientName=" + name + "&" + options));
  }

  private void inject(Fault fault) {
    FAULTS_TRIED.incrementAndGet();
    proxy.inject(fault);
  }

  /** Heals the network, then proves that replies are right again and that nothing leaked. */
  private void healAndCheck(RedisDataSource ds, String name) throws Exception {
    proxy.inject(Fault.none());
    OwnReplies.inParallel(ds, name + "-healed", 4, 25);
    ConnectionAccounting.assertNoLeak(redis, ds, name);
  }

  /** A command fails with {@code expected}, within the timeouts and a generous margin. */
  private static void assertFailsWithin(RedisDataSource ds, Class<? extends Throwable> expected) {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> {
      try (RedisSession s = ds.openSession()) {
        s.execute("ECHO", "lost");
      }
    });
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(thrown).isInstanceOf(expected);
    assertThat(millis).as("ms until the command failed").isLessThan(TIMEOUT_BOUND_MILLIS);
    assertThat(ds.poolStats().active()).isZero();
  }

  private static String storeLargeValue(RedisDataSource ds) {
    String large = "L".repeat(64 * 1024);
    try (RedisSession s = ds.openSession()) {
      s.set("large", large);
    }
    return large;
  }

  private static void assertLargeValueFails(RedisDataSource ds) {
    Throwable thrown = catchThrowable(() -> {
      try (RedisSession s = ds.openSession()) {
        s.get("large");
      }
    });
    assertThat(thrown).isInstanceOf(RedisConnectionException.class);
    assertThat(ds.poolStats().active()).isZero();
  }

  private static void warmUp(RedisDataSource ds, int connections) {
    RedisSession[] sessions = new RedisSession[connections];
    for (int i = 0; i < connections; i++) {
      sessions[i] = ds.openSession();
      sessions[i].ping();
    }
    for (RedisSession s : sessions) {
      s.close();
    }
  }
}
