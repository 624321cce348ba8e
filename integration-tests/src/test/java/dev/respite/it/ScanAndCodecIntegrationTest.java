package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.RedisCodec;
import dev.respite.command.RedisOperations;
import dev.respite.command.Response;
import dev.respite.command.ScanOptions;
import dev.respite.command.ScoredValue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cursor iteration as streams, and the same families through other codecs. */
class ScanAndCodecIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void scanWalksEveryPageWithMatchCountAndType() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      Map<String, String> entries = new HashMap<>();
      IntStream.range(0, 500).forEach(i -> entries.put("user:" + i, "v"));
      s.mset(entries);
      s.sadd("user:set", "x");
      s.set("other", "v");
      Set<String> users = s.scan(ScanOptions.match("user:*").count(20).type("string")).collect(Collectors.toSet());
      assertThat(users).hasSize(500).doesNotContain("user:set", "other");
      assertThat(s.scan(ScanOptions.none()).count()).isEqualTo(502);
      assertThat(s.scan(ScanOptions.match("nothing*"))).isEmpty();
    }
  }

  @Test
  void hashSetAndSortedSetScans() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      Map<String, String> fields = new HashMap<>();
      IntStream.range(0, 300).forEach(i -> fields.put("f" + i, "v" + i));
      s.hset("h", fields);
      Map<String, String> scanned = s.hscan("h", ScanOptions.none().count(10))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
      assertThat(scanned).isEqualTo(fields);
      IntStream.range(0, 300).forEach(i -> s.sadd("s", "m" + i));
      assertThat(s.sscan("s", ScanOptions.match("m1*")).collect(Collectors.toSet())).hasSize(111);
      IntStream.range(0, 300).forEach(i -> s.zadd("z", i, "m" + i));
      assertThat(s.zscan("z", ScanOptions.none().count(7)).collect(Collectors.toSet()))
          .hasSize(300).contains(new ScoredValue<>("m42", 42.0));
      assertThatThrownBy(() -> s.hscan("h", ScanOptions.none().type("hash")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void binaryViewSharesTheSessionAndKeepsEveryByte() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      RedisOperations<byte[], byte[]> bin = s.binary();
      byte[] key = {'k', 0, (byte) 0xC3};
      byte[] field = {(byte) 0xFF, '\n'};
      byte[] value = {0, '\r', '\n', (byte) 0x80};
      bin.hset(key, field, value);
      assertThat(bin.hget(key, field)).containsExactly(value);
      assertThat(bin.hgetAll(key).values()).singleElement().isEqualTo(value);
      bin.rpush("list".getBytes(StandardCharsets.UTF_8), value, value);
      assertThat(s.llen("list")).as("same connection, same data").isEqualTo(2);
      assertThat(bin.lrange("list".getBytes(StandardCharsets.UTF_8), 0, -1)).hasSize(2).allSatisfy(
          v -> assertThat(v).containsExactly(value));
      assertThat(bin.scan(ScanOptions.none()).count()).isEqualTo(2);
    }
  }

  @Test
  void customCodecTypesKeysAndValuesAndAReplyItCannotDecodeFailsOnlyItsCommand() {
    RedisCodec<String, Long> longs = new RedisCodec<>() {
      @Override
      public byte[] encodeKey(String key) {
        return ("app:" + key).getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String decodeKey(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).substring("app:".length());
      }

      @Override
      public byte[] encodeValue(Long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
      }

      @Override
      public Long decodeValue(byte[] bytes) {
        return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
      }
    };
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      RedisOperations<String, Long> counters = s.withCodec(longs);
      counters.set("visits", 41L);
      assertThat(counters.incr("visits")).isEqualTo(42);
      assertThat(counters.get("visits")).isEqualTo(42L);
      assertThat(s.get("app:visits")).as("the codec chose the stored key").isEqualTo("42");
      counters.zadd("board", 3, 7L);
      assertThat(counters.zrange("board", 0, -1)).containsExactly(7L);
      assertThat(counters.keys("*")).containsExactlyInAnyOrder("visits", "board");
      s.set("app:word", "forty-two");
      assertThatThrownBy(() -> counters.get("word")).isInstanceOf(RedisException.class)
          .hasMessageContaining("Could not decode the reply to GET").hasCauseInstanceOf(NumberFormatException.class);
      assertThat(s.ping()).as("the reply was read whole: the connection stays").isEqualTo("PONG");
      try (Pipeline<String, Long> p = counters.pipeline()) {
        Response<Long> bad = p.queue(c -> c.get("word"));
        Response<Long> good = p.queue(c -> c.get("visits"));
        p.sync();
        assertThatThrownBy(bad::get).hasCauseInstanceOf(NumberFormatException.class);
        assertThat(good.get()).isEqualTo(42L);
      }
    }
  }
}
