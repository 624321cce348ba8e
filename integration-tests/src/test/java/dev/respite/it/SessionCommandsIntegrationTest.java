package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.ReplyType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionCommandsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void typedCommandsRoundTrip() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
      s.set("greeting", "héllo wörld ✓ 😀");
      assertThat(s.get("greeting")).isEqualTo("héllo wörld ✓ 😀");
      assertThat(s.get("missing")).isNull();
      assertThat(s.incr("counter")).isEqualTo(1);
      assertThat(s.incr("counter")).isEqualTo(2);
      assertThat(s.exists("counter")).isTrue();
      assertThat(s.exists("missing")).isFalse();
      assertThat(s.del("counter", "greeting", "missing")).isEqualTo(2);
      assertThat(s.exists("counter")).isFalse();
    }
  }

  @Test
  void everyByteValueRoundTripsInKeysAndValues() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set(all, all);
      assertThat(s.get(all)).isEqualTo(all);
      assertThat(s.get(new byte[] {0})).isNull();
      assertThat(s.execute("STRLEN", (Object) all).asLong()).isEqualTo(256);
    }
  }

  @Test
  void keysWithCrlfAndSpacesAreSentAsBulkStrings() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("a\r\nSET b c\r\n", "x y\r\n");
      assertThat(s.get("a\r\nSET b c\r\n")).isEqualTo("x y\r\n");
      assertThat(s.exists("b")).isFalse();
    }
  }

  @Test
  void largeValuesRoundTrip() {
    String big = "v".repeat(3 * 1024 * 1024);
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("big", big);
      assertThat(s.get("big")).isEqualTo(big);
    }
  }

  @Test
  void executeCoversUntypedCommandsAndArgumentTypes() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      assertThat(s.execute("HSET", "user:1", "name", "Ada", "born", 1815).asLong()).isEqualTo(2);
      Reply all = s.execute("HGETALL", "user:1");
      assertThat(all.type()).isEqualTo(ReplyType.ARRAY);
      assertThat(all.asMap()).containsOnlyKeys("name", "born");
      assertThat(all.asMap().get("born").asLong()).isEqualTo(1815);
      assertThat(s.execute("INCRBYFLOAT", "f", 1.5).asDouble()).isEqualTo(1.5);
      assertThat(s.execute("INCRBYFLOAT", "f", new BigDecimal("0.25")).asString()).isEqualTo("1.75");
      assertThat(s.execute("RPUSH", "list", "a", "b".getBytes(StandardCharsets.UTF_8), 3L).asLong())
          .isEqualTo(3);
      assertThat(s.execute("LRANGE", "list", 0, -1).asList()).extracting(Reply::asString)
          .containsExactly("a", "b", "3");
      assertThat(s.execute("GET", "nothing").isNull()).isTrue();
      assertThat(s.execute("config get", "port").asMap()).containsKey("port");
    }
  }

  @Test
  void errorReplyKeepsItsCodeAndTheSessionStaysUsable() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.execute("LPUSH", "list", "x");
      assertThatThrownBy(() -> s.get("list"))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("WRONGTYPE"));
      assertThatThrownBy(() -> s.incr("list"))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("WRONGTYPE"));
      assertThatThrownBy(() -> s.execute("NOSUCHCOMMAND"))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("ERR"));
      assertThat(s.ping()).isEqualTo("PONG");
      assertThat(ds.poolStats().active()).isEqualTo(SuiteMode.pooledConnectionsOfAnOpenSession(ds));
    }
  }

  @Test
  void badArgumentsFailBeforeAnythingIsSent() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      assertThatThrownBy(() -> s.execute("SET", "k", new Object()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Argument 2");
      assertThatThrownBy(() -> s.execute(" ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.del()).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.select(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThat(s.ping()).isEqualTo("PONG");
    }
  }
}
