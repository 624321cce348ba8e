package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.testsupport.RawRedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator or the server itself does to clients: {@code CLIENT KILL} of idle and in-use
 * connections, {@code CLIENT PAUSE}, {@code DEBUG SLEEP} beyond the socket timeout, {@code maxclients}
 * reached, and the server's idle {@code timeout}. Each time, replies stay with their callers, nothing
 * leaks, and the data source works again afterwards.
 */
class ServerAdminFaultsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static final AtomicInteger FAULTS_TRIED = new AtomicInteger();
  private static final long TIMEOUT_BOUND_MILLIS = 5_000;

  @BeforeAll
  static void onlyOnAServerOfOurOwn() {
    // Pausing, reconfiguring and killing clients would disturb a server that others use.
    Assumptions.assumeTrue(System.getenv("REDIS_URL") == null, "skipped: REDIS_URL is set");
  }

  @Test
  void clientKillOfIdlePooledConnectionsReplacesThemOnBorrow() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?clientName=killidle&poolMaxTotal=4")) {
      warmUp(ds, 4);
      List<String> ids = clientIds("killidle");
      assertThat(ids).hasSize(4 + (SuiteMode.multiplexed(ds) ? 1 : 0)); // and the lane warmUp opened
      FAULTS_TRIED.incrementAndGet();
      for (String id : ids) {
        admin("CLIENT", "KILL", "ID", id);
      }
      // No command fails: each killed connection is found dead on borrow and replaced.
      OwnReplies.inParallel(ds, "killidle", 4, 10);
      everyPooledConnectionAnswers(ds, 4); // multiplexed, the sessions above used lanes only
      assertThat(clientIds("killidle")).doesNotContainAnyElementsOf(ids);
      ConnectionAccounting.assertNoLeak(redis, ds, "killidle");
    }
  }

  @Test
  void clientKillOfAConnectionInUseFailsOnlyThatSession() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?clientName=killbusy&poolMaxTotal=2")) {
      RedisSession victim = ds.openSession();
      SuiteMode.ownConnection(victim); // a connection of its own, not a shared lane
      try (RedisSession bystander = ds.openSession()) {
        long id = victim.execute("CLIENT", "ID").asLong();
        FAULTS_TRIED.incrementAndGet();
        admin("CLIENT", "KILL", "ID", Long.toString(id));
        assertThat(catchThrowable(victim::ping)).isInstanceOf(RedisConnectionException.class);
        assertThat(catchThrowable(victim::ping)).isInstanceOf(RedisConnectionException.class);
        OwnReplies.exchange(bystander, "bystander", 1);
      }
      assertThatCode(victim::close).doesNotThrowAnyException();
      OwnReplies.inParallel(ds, "killbusy", 2, 10);
      ConnectionAccounting.assertNoLeak(redis, ds, "killbusy");
    }
  }

  @Test
  void clientPauseShorterThanTheSocketTimeoutDelaysRepliesButLosesNone() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?clientName=pauseshort&socketTimeout=10s&poolMaxTotal=4")) {
      warmUp(ds, 4);
      FAULTS_TRIED.incrementAndGet();
      admin("CLIENT", "PAUSE", "700", "ALL");
      OwnReplies.inParallel(ds, "pauseshort", 4, 10);
      ConnectionAccounting.assertNoLeak(redis, ds, "pauseshort");
    }
  }

  @Test
  void clientPauseLongerThanTheSocketTimeoutTimesOutThenRecovers() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?clientName=pauselong&socketTimeout=300ms&poolMaxTotal=2")) {
      warmUp(ds, 2);
      FAULTS_TRIED.incrementAndGet();
      admin("CLIENT", "PAUSE", "2000", "ALL");
      assertFailsWithin(ds, RedisTimeoutException.class);
      ConnectionAccounting.sleep(2_200); // until the pause is over
      OwnReplies.inParallel(ds, "pauselong", 2, 10);
      ConnectionAccounting.assertNoLeak(redis, ds, "pauselong");
    }
  }

  @Test
  void debugSleepLongerThanTheSocketTimeoutTimesOutAndItsLateReplyIsReadByNobody() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?clientName=sleepy&socketTimeout=300ms&poolMaxTotal=1")) {
      FAULTS_TRIED.incrementAndGet();
      long start = System.nanoTime();
      Throwable thrown = catchThrowable(() -> {
        try (RedisSession s = ds.openSession()) {
          s.execute("DEBUG", "SLEEP", "1");
        }
      });
      assertThat(thrown).isInstanceOf(RedisTimeoutException.class);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(TIMEOUT_BOUND_MILLIS);
      ConnectionAccounting.sleep(1_200); // the server wakes up and sends its late +OK to a closed socket
      // One connection only: had the late +OK stayed readable, this session would get it.
      OwnReplies.inParallel(ds, "sleepy", 1, 20);
      ConnectionAccounting.assertNoLeak(redis, ds, "sleepy");
    }
  }

  @Test
  void maxclientsReachedFailsClearlyAndTheDataSourceRecovers() throws Exception {
    try (RawRedisClient admin = redis.admin();
        RedisDataSource ds = redis.dataSource("?clientName=crowded&poolMaxTotal=4&poolMaxWait=500ms")) {
      String before = ((List<?>) admin.call("CONFIG", "GET", "maxclients")).get(1).toString();
      List<RedisSession> held = new ArrayList<>();
      try {
        // The admin connection is one client; two sessions make three, the limit.
        assertThat(admin.call("CONFIG", "SET", "maxclients", "3")).isEqualTo("OK");
        FAULTS_TRIED.incrementAndGet();
        for (int i = 0; i < 2; i++) {
          RedisSession s = ds.openSession();
          held.add(s);
          SuiteMode.ownConnection(s); // multiplexed, the third client is then the lane the next session needs
          s.ping();
        }
        Throwable thrown = catchThrowable(() -> {
          try (RedisSession s = ds.openSession()) {
            s.ping();
          }
        });
        assertThat(thrown).isInstanceOf(RedisException.class).hasMessageContaining("max number of clients");
        assertThat(ds.poolStats().active()).isEqualTo(2);
        for (RedisSession s : held) {
          OwnReplies.exchange(s, "held", 1); // the sessions already open are not disturbed
        }
      } finally {
        held.forEach(RedisSession::close);
        admin.call("CONFIG", "SET", "maxclients", before);
      }
      OwnReplies.inParallel(ds, "crowded", 4, 10);
      ConnectionAccounting.assertNoLeak(redis, ds, "crowded");
    }
  }

  @Test
  void serverTimeoutClosingIdleConnectionsIsInvisibleToCallers() throws Exception {
    try (RedisDataSource ds = redis.dataSource("?clientName=idleclosed&poolMaxTotal=4")) {
      warmUp(ds, 4);
      FAULTS_TRIED.incrementAndGet();
      admin("CONFIG", "SET", "timeout", "1");
      try {
        ConnectionAccounting.awaitNamedConnections(redis, "idleclosed", 0);
      } finally {
        admin("CONFIG", "SET", "timeout", "0");
      }
      assertThat(ConnectionAccounting.namedConnections(redis, "idleclosed")).isZero();
      OwnReplies.inParallel(ds, "idleclosed", 4, 10);
      everyPooledConnectionAnswers(ds, 4); // multiplexed, the sessions above used lanes only
      ConnectionAccounting.assertNoLeak(redis, ds, "idleclosed");
    }
  }

  @AfterAll
  static void report() {
    System.out.println("[reliability] server-side faults tried: " + FAULTS_TRIED.get());
  }

  private static Object admin(String... command) {
    try (RawRedisClient admin = redis.admin()) {
      Object reply = admin.call(command);
      if (reply instanceof RawRedisClient.ErrorReply error) {
        throw new AssertionError(String.join(" ", command) + " failed: " + error.message());
      }
      return reply;
    }
  }

  private static List<String> clientIds(String name) {
    List<String> ids = new ArrayList<>();
    for (String line : ((String) admin("CLIENT", "LIST")).split("\n")) {
      if ((" " + line + " ").contains(" name=" + name + " ")) {
        for (String field : line.split(" ")) {
          if (field.startsWith("id=")) {
            ids.add(field.substring(3));
          }
        }
      }
    }
    return ids;
  }

  private static void assertFailsWithin(RedisDataSource ds, Class<? extends Throwable> expected) {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> {
      try (RedisSession s = ds.openSession()) {
        s.execute("ECHO", "paused");
      }
    });
    assertThat(thrown).isInstanceOf(expected);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(TIMEOUT_BOUND_MILLIS);
    assertThat(ds.poolStats().active()).isZero();
  }

  /** Holds {@code connections} sessions with connections of their own at once, each answering its own. */
  private static void everyPooledConnectionAnswers(RedisDataSource ds, int connections) {
    List<RedisSession> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        RedisSession s = ds.openSession();
        sessions.add(s);
        SuiteMode.ownConnection(s);
        OwnReplies.exchange(s, "pooled-" + i, 1);
      }
    } finally {
      sessions.forEach(RedisSession::close);
    }
  }

  /** Fills the pool with {@code connections} idle connections and, multiplexed, opens one lane too. */
  private static void warmUp(RedisDataSource ds, int connections) {
    RedisSession[] sessions = new RedisSession[connections];
    for (int i = 0; i < connections; i++) {
      sessions[i] = ds.openSession();
      SuiteMode.ownConnection(sessions[i]);
      sessions[i].ping();
    }
    for (RedisSession s : sessions) {
      s.close();
    }
    try (RedisSession s = ds.openSession()) {
      s.ping();
    }
  }
}
