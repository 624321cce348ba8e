package dev.respite.it.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.metrics.RespiteMetrics;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.LocalSentinelGroup;
import dev.respite.testsupport.RawRedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Sentinel data source through failovers, each under eight writing threads whose every acknowledged key
 * is read back from the new primary: graceful {@code SENTINEL FAILOVER}, a failover whose notifications were
 * lost, {@code kill -9} of the primary and its return as a replica. One Sentinel group for the class; the
 * tests run in order, each leaving the group settled. Each prints its figures ({@code SENTINEL-FIGURE}).
 */
@TestMethodOrder(OrderAnnotation.class)
class SentinelFailoverIntegrationTest {
  private static final String OPTIONS = "?clientName=sentinel-it&poolMaxTotal=16&connectTimeout=500ms"
      + "&socketTimeout=2s&poolMaxWait=2s";

  private static LocalSentinelGroup group;

  @BeforeAll
  static void startGroup() {
    group = LocalSentinelGroup.start("orders");
  }

  @AfterAll
  static void stopGroup() {
    if (group != null) {
      group.close();
    }
  }

  @Test
  @Order(1)
  void findsThePrimaryThroughTheSentinelsAndRunsCommandsOnIt() {
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS);
        RedisSession session = redis.openSession()) {
      session.set("greeting", "hello");
      assertThat(session.get("greeting")).isEqualTo("hello");
      assertThat(session.execute("ROLE").asList().get(0).asString()).isEqualTo("master");
      assertThat(session.execute("CONFIG", "GET", "port").asList().get(1).asString())
          .isEqualTo(Integer.toString(group.primary().port()));
      assertThat(redis.toString()).contains("orders", Integer.toString(group.primary().port()));
    }
  }

  @Test
  @Order(2)
  void gracefulFailoverLosesNoAcknowledgedWriteAndSwitchesQuickly() throws Exception {
    FailoverFigures figures = new FailoverFigures();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS)) {
      redis.addListener(figures);
      RespiteMetrics.bind(redis, registry);
      WriteLoad load = WriteLoad.start(redis, "graceful");
      LocalRedisServer newPrimary;
      long requested;
      try {
        assertThat(load.awaitSuccessAfter(System.nanoTime(), 5_000)).isPositive();
        Thread.sleep(500);
        LocalRedisServer old = group.primary();
        assertThat(poolGauges(registry)).containsExactly(redis.poolName() + "@" + old.host() + ":" + old.port());
        requested = System.nanoTime();
        group.requestFailover();
        newPrimary = group.awaitNewPrimary(old);
        long switched = awaitSwitch(figures, newPrimary);
        assertThat(load.awaitSuccessAfter(switched, 5_000)).isPositive();
        Thread.sleep(500);
        // The old primary's pool was retired with its gauges; the new primary's has its own.
        assertThat(poolGauges(registry)).containsExactly(
            redis.poolName() + "@" + newPrimary.host() + ":" + newPrimary.port());
        assertThat(registry.get("db.client.connection.max").gauge().getId().getTag("server.port"))
            .isEqualTo(Integer.toString(newPrimary.port()));
      } finally {
        load.close();
      }
      assertThat(load.unexpected()).isEmpty();
      long switched = figures.switchedTo(newPrimary.port());
      long firstWrite = load.firstSuccessAfter(switched);
      long lost = FailoverFigures.missing(newPrimary.port(), load.acknowledged());
      FailoverFigures.print("graceful", "acknowledged", load.acknowledged().size(), "lost", lost,
          "failed", load.failed(), "switchAfterRequestMs", (switched - requested) / 1_000_000,
          "firstWriteAfterSwitchMs", (firstWrite - switched) / 1_000_000,
          "noWriteAcknowledgedForMs", load.longestGapMillis(), "longestCallMs", load.longestCallMillis(),
          "failures", load.failures());
      assertThat(lost).as("acknowledged writes missing on the new primary").isZero();
      assertThat(firstWrite - switched).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }
    group.demoteFormerPrimaries();
    group.awaitStable();
  }

  @Test
  @Order(3)
  void killedSentinelSubscriptionsAreRenewedAndStillBringTheClientToTheNewPrimary() throws Exception {
    FailoverFigures figures = new FailoverFigures();
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS
        + "&sentinelPollInterval=1s&subscriberPingInterval=30s")) {
      redis.addListener(figures);
      WriteLoad load = WriteLoad.start(redis, "unnotified");
      LocalRedisServer newPrimary;
      long promoted;
      try {
        assertThat(load.awaitSuccessAfter(System.nanoTime(), 5_000)).isPositive();
        awaitSubscribedOnEverySentinel();
        LocalRedisServer old = group.primary();
        assertThat(group.killSentinelSubscribers()).isGreaterThanOrEqualTo(3);
        group.requestFailover();
        newPrimary = group.awaitNewPrimary(old);
        promoted = System.nanoTime();
        long switched = awaitSwitch(figures, newPrimary);
        assertThat(load.awaitSuccessAfter(switched, 5_000)).isPositive();
        Thread.sleep(300);
      } finally {
        load.close();
      }
      assertThat(load.unexpected()).isEmpty();
      long switched = figures.switchedTo(newPrimary.port());
      long lost = FailoverFigures.missing(newPrimary.port(), load.acknowledged());
      FailoverFigures.print("notifications-lost", "acknowledged", load.acknowledged().size(), "lost", lost,
          "failed", load.failed(), "switchAfterSentinelsAgreeMs", (switched - promoted) / 1_000_000,
          "firstWriteAfterSwitchMs", (load.firstSuccessAfter(switched) - switched) / 1_000_000,
          "noWriteAcknowledgedForMs", load.longestGapMillis(),
          "refreshCauses", figures.refreshes().stream().distinct().toList(), "failures", load.failures());
      // The poll (1 s) or the renewed subscription finds the new primary within the poll interval plus 1 s.
      assertThat(switched - promoted).isLessThan(TimeUnit.MILLISECONDS.toNanos(2_000));
    }
    group.demoteFormerPrimaries();
    group.awaitStable();
  }

  @Test
  @Order(4)
  void withNoNotificationAtAllThePollFindsTheNewPrimaryWithinItsIntervalPlusOneSecond() throws Exception {
    FailoverFigures figures = new FailoverFigures();
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS
        + "&sentinelPollInterval=1s")) {
      redis.addListener(figures);
      WriteLoad load = WriteLoad.start(redis, "silent");
      LocalRedisServer newPrimary;
      long promoted;
      try {
        assertThat(load.awaitSuccessAfter(System.nanoTime(), 5_000)).isPositive();
        awaitSubscribedOnEverySentinel();
        sentinels("ACL", "SETUSER", "default", "-subscribe", "-psubscribe"); // no subscription comes back
        group.killSentinelSubscribers();
        LocalRedisServer old = group.primary();
        group.requestFailover();
        newPrimary = group.awaitNewPrimary(old);
        promoted = System.nanoTime();
        long switched = awaitSwitch(figures, newPrimary);
        assertThat(load.awaitSuccessAfter(switched, 5_000)).isPositive();
        Thread.sleep(300);
      } finally {
        load.close();
        sentinels("ACL", "SETUSER", "default", "+@all");
      }
      assertThat(load.unexpected()).isEmpty();
      long switched = figures.switchedTo(newPrimary.port());
      FailoverFigures.print("no-notification", "acknowledged", load.acknowledged().size(),
          "lostOnTheOldPrimary", FailoverFigures.missing(newPrimary.port(), load.acknowledged()),
          "failed", load.failed(), "switchAfterSentinelsAgreeMs", (switched - promoted) / 1_000_000,
          "firstWriteAfterSwitchMs", (load.firstSuccessAfter(switched) - switched) / 1_000_000,
          "refreshCauses", figures.refreshes().stream().distinct().toList(), "failures", load.failures());
      assertThat(figures.refreshes()).contains("poll");
      assertThat(switched - promoted).isLessThan(TimeUnit.MILLISECONDS.toNanos(2_000));
    }
    group.demoteFormerPrimaries();
    group.awaitStable();
  }

  @Test
  @Order(5)
  void aReadonlyReplyFromTheDemotedPrimaryIsRetriedOnTheNewOneWithoutFailingTheCommand() throws Exception {
    FailoverFigures figures = new FailoverFigures();
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS + "&sentinelPollInterval=0s")) {
      redis.addListener(figures);
      WriteLoad load = WriteLoad.start(redis, "readonly");
      LocalRedisServer newPrimary;
      long demoted;
      try {
        assertThat(load.awaitSuccessAfter(System.nanoTime(), 5_000)).isPositive();
        awaitSubscribedOnEverySentinel();
        sentinels("ACL", "SETUSER", "default", "-subscribe", "-psubscribe");
        group.killSentinelSubscribers(); // no event and no poll: only the READONLY replies can tell
        Thread.sleep(500); // the refused re-subscriptions (about 100 ms later) ask the sentinels before the failover
        LocalRedisServer old = group.primary();
        group.requestFailover();
        newPrimary = group.awaitNewPrimary(old);
        assertThat(figures.switchCount()).isZero();
        demoted = System.nanoTime();
        group.demoteFormerPrimaries(); // REPLICAOF: the old primary answers writes with READONLY from now on
        long switched = awaitSwitch(figures, newPrimary);
        assertThat(load.awaitSuccessAfter(switched, 5_000)).isPositive();
        Thread.sleep(300);
      } finally {
        load.close();
        sentinels("ACL", "SETUSER", "default", "+@all");
      }
      assertThat(load.unexpected()).isEmpty();
      long switched = figures.switchedTo(newPrimary.port());
      FailoverFigures.print("readonly-only", "acknowledged", load.acknowledged().size(),
          "lostOnTheOldPrimary", FailoverFigures.missing(newPrimary.port(), load.acknowledged()),
          "failed", load.failed(), "switchAfterDemotionMs", (switched - demoted) / 1_000_000,
          "refreshCauses", figures.refreshes().stream().distinct().toList(), "failures", load.failures());
      assertThat(figures.refreshes()).contains("readonly").doesNotContain("poll");
      assertThat(load.failed()).as("READONLY never ran the command: it is retried, not failed").isZero();
    }
    group.awaitStable();
  }

  /**
   * The data source subscribes to the sentinels in the background, after create() returned (a sentinel has
   * no PUBSUB command: its CLIENT LIST shows a subscriber with flag P).
   */
  private static void awaitSubscribedOnEverySentinel() throws InterruptedException {
    for (LocalRedisServer sentinel : group.sentinels()) {
      try (RawRedisClient client = new RawRedisClient(sentinel.port())) {
        for (int i = 0; i < 200 && !((String) client.call("CLIENT", "LIST")).contains("flags=P"); i++) {
          Thread.sleep(10);
        }
      }
    }
  }

  private static void sentinels(String... command) {
    for (LocalRedisServer sentinel : group.sentinels()) {
      try (RawRedisClient client = new RawRedisClient(sentinel.port())) {
        assertThat(client.call(command)).isEqualTo("OK");
      }
    }
  }

  @Test
  @Order(6)
  void subscribersFollowThePrimaryThroughAFailover() throws Exception {
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS)) {
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      FailoverFigures figures = new FailoverFigures();
      redis.addListener(figures);
      try (RedisSubscriber subscriber = redis.openSubscriber((Message m) -> received.add(m.payload()))) {
        subscriber.subscribe("news");
        LocalRedisServer old = group.primary();
        publishUntilReceived(old, "news", received, "before");
        LocalRedisServer newPrimary = group.failover();
        awaitSwitch(figures, newPrimary);
        received.clear();
        publishUntilReceived(newPrimary, "news", received, "after");
        try (RawRedisClient client = new RawRedisClient(newPrimary.port())) {
          assertThat(client.call("PUBSUB", "NUMSUB", "news")).asList().contains(1L);
        }
      }
    }
    group.demoteFormerPrimaries();
    group.awaitStable();
  }

  @Test
  @Order(7)
  void killNineOfThePrimaryFailsOnlyUntilPromotionAndTheOldPrimaryBackAsReplicaGetsNoWrite() throws Exception {
    FailoverFigures figures = new FailoverFigures();
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS)) {
      redis.addListener(figures);
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      RedisSubscriber subscriber = redis.openSubscriber((Message m) -> received.add(m.payload()));
      subscriber.subscribe("alerts");
      WriteLoad load = WriteLoad.start(redis, "kill9");
      LocalRedisServer old;
      LocalRedisServer newPrimary;
      long killed;
      long promoted;
      long resubscribed;
      try {
        assertThat(load.awaitSuccessAfter(System.nanoTime(), 5_000)).isPositive();
        Thread.sleep(300);
        killed = System.nanoTime();
        old = group.killPrimary();
        newPrimary = group.awaitNewPrimary(old);
        promoted = System.nanoTime();
        long switched = awaitSwitch(figures, newPrimary);
        assertThat(load.awaitSuccessAfter(switched, 5_000)).isPositive();
        publishUntilReceived(newPrimary, "alerts", received, "after the kill"); // the subscriber followed too
        resubscribed = System.nanoTime() - switched;
        group.restartAsReplica(old);
        long failedBefore = load.failed();
        Thread.sleep(1_000);
        assertThat(load.failed()).as("failures after recovery, with the old primary back").isEqualTo(failedBefore);
      } finally {
        load.close();
        subscriber.close();
      }
      assertThat(load.unexpected()).isEmpty();
      long switched = figures.switchedTo(newPrimary.port());
      FailoverFigures.print("kill-9", "subscriberReceivingAfterSwitchMs", resubscribed / 1_000_000, "acknowledged", load.acknowledged().size(),
          "lostWithTheKilledPrimary", FailoverFigures.missing(newPrimary.port(), load.acknowledged()),
          "failed", load.failed(), "lastFailureAfterPromotionMs", (load.lastFailureNanos() - promoted) / 1_000_000,
          "sentinelsPromotedAfterKillMs", (promoted - killed) / 1_000_000,
          "switchAfterKillMs", (switched - killed) / 1_000_000,
          "firstWriteAfterSwitchMs", (load.firstSuccessAfter(switched) - switched) / 1_000_000,
          "noWriteAcknowledgedForMs", load.longestGapMillis(), "failures", load.failures());
      assertThat(load.lastFailureNanos()).as("no failure later than 1 s after the promotion")
          .isLessThan(promoted + TimeUnit.SECONDS.toNanos(1));
      try (RawRedisClient client = new RawRedisClient(old.port())) {
        assertThat((String) client.call("CLIENT", "LIST")).doesNotContain("name=sentinel-it");
        assertThat(client.call("ROLE")).asList().first().isEqualTo("slave");
      }
      try (RedisSession session = redis.openSession()) {
        assertThat(session.execute("ROLE").asList().get(0).asString()).isEqualTo("master");
      }
    }
    group.awaitStable();
  }

  @Test
  @Order(8)
  void aSessionInsideWatchFailsClearlyWhenThePrimaryMoves() throws Exception {
    FailoverFigures figures = new FailoverFigures();
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS)) {
      redis.addListener(figures);
      try (RedisSession session = redis.openSession()) {
        session.execute("WATCH", "balance");
        LocalRedisServer newPrimary = group.failover();
        awaitSwitch(figures, newPrimary);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.execute("GET", "balance"))
            .isInstanceOf(RedisConnectionException.class).hasMessageContaining("MULTI or WATCH");
        assertThat(session.execute("ROLE").asList().get(0).asString()).isEqualTo("master");
      }
    }
    group.demoteFormerPrimaries();
    group.awaitStable();
  }

  private static void publishUntilReceived(LocalRedisServer node, String channel, BlockingQueue<String> received,
      String text)
      throws InterruptedException {
    Object receivers = null;
    Object clients;
    try (RawRedisClient client = new RawRedisClient(node.port())) {
      for (int i = 0; i < 100; i++) {
        receivers = client.call("PUBLISH", channel, text);
        String got = received.poll(100, TimeUnit.MILLISECONDS);
        if (text.equals(got)) {
          return;
        }
      }
      clients = client.call("CLIENT", "LIST");
    }
    throw new AssertionError("the subscriber received no message published on " + node + " (last PUBLISH reached "
        + receivers + "); clients: " + clients + "; " + group.describe());
  }

  /** The pools that have gauges: the data source's node pools, by name. */
  private static List<String> poolGauges(SimpleMeterRegistry registry) {
    return registry.find("db.client.connection.max").gauges().stream().map(g -> g.getId().getTag("pool.name"))
        .toList();
  }

  static long awaitSwitch(FailoverFigures figures, LocalRedisServer to) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      long at = figures.switchedTo(to.port());
      if (at > 0) {
        return at;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the data source did not switch to " + to + "; " + group.describe());
  }

}
