package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.testsupport.RawRedisClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every test uses a pool of one connection, so each borrower gets the connection the last one left. */
class DatabaseIsolationIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void sessionsSeeOnlyTheirOwnDatabase() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession(3)) {
        assertThat(s.database()).isEqualTo(3);
        s.set("k", "in 3");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.database()).isZero();
        assertThat(s.get("k")).isNull();
      }
      try (RedisSession s = ds.openSession(3)) {
        assertThat(s.get("k")).isEqualTo("in 3");
      }
    }
  }

  @Test
  void returnedSessionResetsDatabaseAfterSelect() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.select(5);
        assertThat(s.database()).isEqualTo(5);
        s.set("k", "in 5");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.get("k")).isNull();
        assertThat(s.execute("CLIENT", "INFO").asString()).contains(" db=0 ");
      }
    }
  }

  @Test
  void returnedSessionResetsDatabaseAfterRawSelect() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.execute("select", "6");
        assertThat(s.database()).isEqualTo(6);
        s.set("k", "in 6");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.database()).isZero();
        assertThat(s.get("k")).isNull();
      }
      try (RedisSession s = ds.openSession(6)) {
        assertThat(s.get("k")).isEqualTo("in 6");
      }
    }
  }

  @Test
  void selectQueuedInMultiIsFollowedAfterExec() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.execute("MULTI");
        s.execute("SELECT", 7);
        s.execute("EXEC");
        assertThat(s.database()).isEqualTo(7);
        s.set("k", "in 7");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.get("k")).isNull();
      }
      try (RedisSession s = ds.openSession(7)) {
        assertThat(s.get("k")).isEqualTo("in 7");
      }
    }
  }

  @Test
  void configuredDatabaseIsTheDefault() {
    try (RedisDataSource ds = redis.dataSource("/4?poolMaxTotal=1"); RedisSession s = ds.openSession()) {
      assertThat(s.database()).isEqualTo(4);
      assertThat(s.execute("CLIENT", "INFO").asString()).contains(" db=4 ");
    }
  }

  @Test
  void noSelectIsSentWhenTheConnectionIsAlreadyInTheDatabase() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession(2)) {
        s.ping();
      }
      long before = selectCalls();
      for (int i = 0; i < 5; i++) {
        try (RedisSession s = ds.openSession(2)) {
          s.ping();
        }
      }
      assertThat(selectCalls()).isEqualTo(before);
      try (RedisSession s = ds.openSession(0)) {
        s.ping();
      }
      // Pooled, the one connection goes back to database 0; multiplexed, the session uses a lane, which is
      // in database 0 already.
      assertThat(selectCalls()).isEqualTo(before + (SuiteMode.multiplexed(ds) ? 0 : 1));
    }
  }

  @Test
  void databaseOutOfRangeFailsWithTheServerCodeAndKeepsThePoolHealthy() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      assertThatThrownBy(() -> ds.openSession(999))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("ERR"));
      assertThat(ds.poolStats().active()).isZero();
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
      }
    }
  }

  private static long selectCalls() {
    try (RawRedisClient admin = redis.admin()) {
      String stats = (String) admin.call("INFO", "commandstats");
      Matcher m = Pattern.compile("cmdstat_select:calls=(\\d+)").matcher(stats);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
  }
}
