package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.testsupport.RawRedisClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a session leaves on its connection never reaches the next borrower (pool of one). */
class SessionStateResetIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void multiLeftOpenIsDiscarded() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.execute("MULTI");
        assertThat(s.execute("SET", "queued", "1").asString()).isEqualTo("QUEUED");
      }
      try (RedisSession s = ds.openSession()) {
        s.set("k", "v");
        assertThat(s.get("k")).as("commands run at once, not queued").isEqualTo("v");
        assertThat(s.exists("queued")).as("the abandoned transaction never ran").isFalse();
      }
    }
  }

  @Test
  void watchedKeysAreForgotten() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        s.execute("WATCH", "w");
      }
      try (RawRedisClient admin = redis.admin()) {
        admin.call("SET", "w", "changed by someone else");
      }
      try (RedisSession s = ds.openSession()) {
        s.execute("MULTI");
        s.execute("SET", "k", "v");
        Reply exec = s.execute("EXEC");
        assertThat(exec.isNull()).as("EXEC must not be aborted by the last borrower's WATCH").isFalse();
        assertThat(s.get("k")).isEqualTo("v");
      }
    }
  }

  @Test
  void subscribedConnectionIsClosedNotReturned() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      long subscribedId;
      try (RedisSession s = ds.openSession()) {
        SuiteMode.ownConnection(s); // multiplexed, CLIENT ID would name a shared lane, SUBSCRIBE another connection
        subscribedId = s.execute("CLIENT", "ID").asLong();
        Reply confirmation = s.execute("SUBSCRIBE", "news");
        assertThat(confirmation.asList()).extracting(Reply::asString).startsWith("subscribe", "news");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
        assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(subscribedId);
      }
      assertThat(clientIds()).doesNotContain(subscribedId);
    }
  }

  @Test
  void clientNameChangeClosesTheConnection() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&clientName=orders")) {
      try (RedisSession s = ds.openSession()) {
        s.execute("CLIENT SETNAME", "hijacked");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("CLIENT", "GETNAME").asString()).isEqualTo("orders");
      }
    }
  }

  @Test
  void healthyConnectionIsReused() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      long first;
      try (RedisSession s = ds.openSession()) {
        first = s.execute("CLIENT", "ID").asLong();
        s.execute("MULTI");
        s.execute("EXEC");
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("CLIENT", "ID").asLong()).isEqualTo(first);
      }
    }
  }

  private static List<Long> clientIds() {
    try (RawRedisClient admin = redis.admin()) {
      String list = (String) admin.call("CLIENT", "LIST");
      return list.lines().map(line -> Long.parseLong(line.replaceAll("^id=(\\d+) .*", "$1"))).toList();
    }
  }
}
