package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.testsupport.RawRedisClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys and values are bytes, not text: CRLF, NUL, bytes that look like RESP, and invalid UTF-8 round-trip
 * exactly, through the {@code byte[]} API and through {@code execute}, and are stored exactly as sent.
 */
class BinarySafetyIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  static Stream<Arguments> awkwardBytes() {
    return Stream.of(
        Arguments.of("CRLF", bytes("a\r\nb\r\n")),
        Arguments.of("only CRLF", bytes("\r\n")),
        Arguments.of("NUL bytes", new byte[] {0, 'x', 0, 0}),
        Arguments.of("what looks like a RESP command", bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n")),
        Arguments.of("what looks like an error reply", bytes("-ERR injected\r\n")),
        Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
        Arguments.of("0xFF and 0xFE", new byte[] {(byte) 0xFF, (byte) 0xFE, 'z'}),
        Arguments.of("truncated two-byte sequence", new byte[] {'a', (byte) 0xC3}),
        Arguments.of("overlong encoding of '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Arguments.of("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Arguments.of("every byte value", everyByte()),
        Arguments.of("empty", new byte[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkwardBytes")
  void byteArrayApiRoundTripsExactly(String name, byte[] data) {
    try (RedisDataSource ds = redis.dataSource("");
        RedisSession s = ds.openSession()) {
      byte[] key = concat(bytes("k:"), data);
      s.set(key, data);
      assertThat(s.get(key)).isEqualTo(data);
      assertThat(serverLength(s, key)).isEqualTo(data.length);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkwardBytes")
  void executeRoundTripsExactly(String name, byte[] data) {
    try (RedisDataSource ds = redis.dataSource("");
        RedisSession s = ds.openSession()) {
      byte[] key = concat(data, bytes(":x"));
      assertThat(s.execute("SET", key, data).asString()).isEqualTo("OK");
      assertThat(s.execute("GET", key).asBytes()).isEqualTo(data);
      assertThat(s.execute("ECHO", data).asBytes()).isEqualTo(data);
      assertThat(s.execute("HSET", "h", data, data).asLong()).isEqualTo(1L);
      assertThat(s.execute("HGET", "h", data).asBytes()).isEqualTo(data);
      List<byte[]> range = new ArrayList<>();
      s.execute("RPUSH", "list", data, data);
      s.execute("LRANGE", "list", 0, -1).asList().forEach(r -> range.add(r.asBytes()));
      assertThat(range).containsExactly(data, data);
      assertThat(s.get(key)).isEqualTo(data);
    }
  }

  @Test
  void textWithCrlfAndNulRoundTripsThroughTheStringApi() {
    try (RedisDataSource ds = redis.dataSource("");
        RedisSession s = ds.openSession()) {
      String key = "key\r\nwith\u0000breaks";
      String value = "$5\r\nhello\r\n\u0000 and \uD83D\uDE00";
      s.set(key, value);
      assertThat(s.get(key)).isEqualTo(value);
      assertThat(s.get(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
      assertThat(s.exists("key")).isFalse();
    }
  }

  @Test
  void largeRandomBinaryValueRoundTripsExactly() {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(20261125L).nextBytes(data);
    try (RedisDataSource ds = redis.dataSource("");
        RedisSession s = ds.openSession()) {
      s.set(bytes("big"), data);
      assertThat(s.get(bytes("big"))).isEqualTo(data);
      assertThat(s.execute("GET", bytes("big")).asBytes()).isEqualTo(data);
    }
  }

  /** One key exists at the server (counted without the driver), holding a value of the expected length. */
  private static long serverLength(RedisSession s, byte[] key) {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("DBSIZE")).isEqualTo(1L);
    }
    return s.execute("STRLEN", key).asLong();
  }

  private static byte[] everyByte() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    return all;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
