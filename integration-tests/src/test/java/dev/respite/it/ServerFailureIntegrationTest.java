package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.testsupport.RawRedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dead idle connections are replaced on borrow, and a restarted server is used again without a restart. */
class ServerFailureIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void restartedServerIsUsedAgainTransparently() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=2")) {
      warmUp(ds, 2);
      redis.restart();
      for (int i = 0; i < 4; i++) {
        try (RedisSession s = ds.openSession()) {
          assertThat(s.ping()).isEqualTo("PONG");
        }
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void killedServerFailsFastThenRecovers() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=2&connectTimeout=500ms")) {
      warmUp(ds, 2);
      redis.kill();
      assertThatThrownBy(() -> {
        try (RedisSession s = ds.openSession()) {
          s.ping();
        }
      }).isInstanceOf(RedisConnectionException.class).hasMessageContaining(String.valueOf(redis.port()));
      assertThat(ds.poolStats().active()).isZero();
      redis.start();
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void killedSessionConnectionFailsItsCommandAndIsReplaced() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        SuiteMode.ownConnection(s); // the session's own connection, not a shared lane
        long id = s.execute("CLIENT", "ID").asLong();
        killClient(id);
        assertThatThrownBy(s::ping).isInstanceOf(RedisConnectionException.class);
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void idleConnectionKilledByClientKillIsReplacedOnBorrow() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      long id;
      try (RedisSession s = ds.openSession()) {
        id = s.execute("CLIENT", "ID").asLong();
      }
      killClient(id);
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
        assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(id);
      }
    }
  }

  @Test
  void killedIdleConnectionIsReplacedInTheDatabaseTheSessionAskedFor() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      long id;
      try (RedisSession s = ds.openSession(3)) {
        id = s.execute("CLIENT", "ID").asLong();
      }
      killClient(id);
      try (RedisSession idle = ds.openSession(3)) {
        assertThat(idle.database()).isEqualTo(3); // a session that sends nothing never touches the socket
      }
      try (RedisSession s = ds.openSession(3)) {
        s.set("replaced:db", "3");
        assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(id);
      }
      try (RawRedisClient admin = redis.admin()) {
        admin.call("SELECT", "3");
        assertThat(admin.call("GET", "replaced:db")).isEqualTo("3");
        admin.call("DEL", "replaced:db");
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void idleConnectionClosedByServerTimeoutIsReplacedOnBorrow() throws InterruptedException {
    try (RawRedisClient admin = redis.admin()) {
      admin.call("CONFIG", "SET", "timeout", "1");
    }
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      warmUp(ds, 1);
      Thread.sleep(2_500); // the server closes clients idle for more than 1 s, checked about every 100 ms
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
      }
    } finally {
      try (RawRedisClient admin = redis.admin()) {
        admin.call("CONFIG", "SET", "timeout", "0");
      }
    }
  }

  /** Fills the pool with {@code connections} idle connections and, multiplexed, opens a lane too. */
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
    assertThat(ds.poolStats().idle()).isEqualTo(connections);
  }

  private static void killClient(long id) {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("CLIENT", "KILL", "ID", String.valueOf(id))).isEqualTo(1L);
    }
  }
}
