package dev.respite.impl.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.respite.RedisProtocolException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes that are not valid RESP, or that break a limit, give a {@link RedisProtocolException} with a short
 * message, and a stream that ends mid-reply gives an {@link EOFException}: never an unchecked exception
 * from the JDK, an error, or a large allocation.
 */
class RespReaderMalformedInputTest {

  static Stream<Arguments> malformed() {
    List<Object[]> cases = List.of(
        new Object[] {"unknown type byte", "?foo\r\n", "'?' (0x3f)"},
        new Object[] {"unprintable type byte", "\u0007\r\n", "0x07"},
        new Object[] {"line missing its CR", ":12\n", "LF without CR"},
        new Object[] {"line missing its LF", ":12\rx\r\n", "CR not followed by LF"},
        new Object[] {"simple string with a bare CR", "+O\rK\r\n", "CR not followed by LF"},
        new Object[] {"simple string with a bare LF", "+O\nK\r\n", "LF without CR"},
        new Object[] {"bulk not followed by CRLF", "$3\r\nfooXY", "not followed by CRLF"},
        new Object[] {"bulk followed by LF only", "$3\r\nfoo\n\r\n", "not followed by CRLF"},
        new Object[] {"negative bulk length", "$-2\r\n", "Negative bulk string length -2"},
        new Object[] {"minimum long bulk length", "$-9223372036854775808\r\n", "Negative"},
        new Object[] {"negative aggregate length", "*-2\r\n", "Negative aggregate length -2"},
        new Object[] {"null push", ">-1\r\n", "Negative"},
        new Object[] {"null attribute", "|-1\r\n:1\r\n", "Negative"},
        new Object[] {"bulk length of 2^63", "$9223372036854775808\r\n", "range"},
        new Object[] {"aggregate length of 2^63", "*9223372036854775808\r\n", "range"},
        new Object[] {"integer of 2^63", ":9223372036854775808\r\n", "range"},
        new Object[] {"integer below -2^63", ":-9223372036854775809\r\n", "range"},
        new Object[] {"20-digit integer", ":12345678901234567890\r\n", "19 digits"},
        new Object[] {"20-digit integer with leading zero", ":01234567890123456789\r\n", "19 digits"},
        new Object[] {"30-digit integer", ":" + "1".repeat(30) + "\r\n", "longer than 20"},
        new Object[] {"empty integer", ":\r\n", "empty"},
        new Object[] {"sign without digits", ":-\r\n", "sign"},
        new Object[] {"plus sign in an integer", ":+5\r\n", "digit"},
        new Object[] {"letter in an integer", ":12a\r\n", "digit"},
        new Object[] {"space in a length", "$ 3\r\nfoo\r\n", "digit"},
        new Object[] {"empty bulk length", "$\r\n", "empty"},
        new Object[] {"bulk above the limit", "$" + (Feed.MAX_BULK + 1) + "\r\n", "exceeds the limit"},
        new Object[] {"aggregate count above the largest list", "*2147483640\r\n", "larger than any list"},
        new Object[] {"map count above the largest list", "%1073741820\r\n", "larger than any list"},
        new Object[] {"nesting one level too deep", "*1\r\n".repeat(Feed.MAX_DEPTH + 1) + ":1\r\n", "nested deeper"},
        new Object[] {"empty array one level too deep", "*1\r\n".repeat(Feed.MAX_DEPTH) + "*0\r\n", "nested deeper"},
        new Object[] {"nesting 10,000 deep", "*1\r\n".repeat(10_000), "nested deeper"},
        new Object[] {"maps nested 10,000 deep", "%1\r\n+k\r\n".repeat(10_000), "nested deeper"},
        new Object[] {"attributes nested 10,000 deep", "|1\r\n+k\r\n".repeat(10_000), "nested deeper"},
        new Object[] {"boolean neither t nor f", "#x\r\n", "Invalid boolean"},
        new Object[] {"boolean of two letters", "#tt\r\n", "longer than 1"},
        new Object[] {"empty boolean", "#\r\n", "Invalid boolean"},
        new Object[] {"upper-case boolean", "#T\r\n", "Invalid boolean"},
        new Object[] {"verbatim shorter than a format", "=3\r\ntxt\r\n", "no room for its format"},
        new Object[] {"verbatim without colon", "=8\r\ntxt;abcd\r\n", "without ':'"},
        new Object[] {"null verbatim", "=-1\r\n", "Negative"},
        new Object[] {"null bulk error", "!-1\r\n", "Negative"},
        new Object[] {"double that is text", ",abc\r\n", "Invalid double"},
        new Object[] {"double with trailing junk", ",1.5x\r\n", "Invalid double"},
        new Object[] {"double with Java suffix", ",1.5d\r\n", "Invalid double"},
        new Object[] {"hexadecimal double", ",0x1p3\r\n", "Invalid double"},
        new Object[] {"empty double", ",\r\n", "Invalid double"},
        new Object[] {"double with empty exponent", ",1e\r\n", "exponent"},
        new Object[] {"big number with a letter", "(12a\r\n", "Invalid big number"},
        new Object[] {"empty big number", "(\r\n", "Invalid big number"},
        new Object[] {"null with content", "_x\r\n", "longer than 0"},
        new Object[] {"bad element inside an array", "*2\r\n:1\r\n?\r\n", "Unknown RESP type byte"},
        new Object[] {"bad element inside an attribute", "|1\r\n+a\r\n:x\r\n:1\r\n", "digit"});
    List<Arguments> arguments = new ArrayList<>();
    for (Feed feed : Feed.values()) {
      for (Object[] c : cases) {
        arguments.add(Arguments.of(c[0], feed, c[1], c[2]));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("malformed")
  void malformedInputGivesAProtocolErrorSayingWhatWasWrong(String name, Feed feed, String resp, String message) {
    RespReader reader = feed.reader(resp);
    assertThatThrownBy(reader::readReply)
        .isExactlyInstanceOf(RedisProtocolException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    assertThat(reader.completedReplies()).isZero();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("malformed")
  void malformedInputGivesAProtocolErrorInEveryTypedRead(String name, Feed feed, String resp, String message) {
    List<RespReader> readers = List.of(feed.reader(resp), feed.reader(resp), feed.reader(resp), feed.reader(resp));
    assertThatThrownBy(readers.get(0)::readBulkBytes).isExactlyInstanceOf(RedisProtocolException.class);
    assertThatThrownBy(readers.get(1)::readBulkString).isExactlyInstanceOf(RedisProtocolException.class);
    assertThatThrownBy(readers.get(2)::readInteger).isExactlyInstanceOf(RedisProtocolException.class);
    assertThatThrownBy(readers.get(3)::readStatus).isExactlyInstanceOf(RedisProtocolException.class);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void simpleStringLongerThanTheBulkLimitIsRefusedWithoutBufferingIt(Feed feed) {
    RespReader reader = feed.reader(Feed.bytes("+" + "x".repeat(5000) + "\r\n"), 1000, 4);
    assertThatThrownBy(reader::readReply)
        .isExactlyInstanceOf(RedisProtocolException.class)
        .hasMessage("Simple string line longer than 1000 bytes");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void errorLineLongerThanTheBulkLimitIsRefused(Feed feed) {
    RespReader reader = feed.reader(Feed.bytes("-ERR " + "x".repeat(5000) + "\r\n"), 1000, 4);
    assertThatThrownBy(reader::readStatus)
        .isExactlyInstanceOf(RedisProtocolException.class)
        .hasMessage("Error line longer than 1000 bytes");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void streamEndingBeforeAWholeReplyGivesEofException(Feed feed) {
    for (String truncated : List.of("", "+OK", "+OK\r", ":1", "$3\r\nfo", "$3\r\nfoo", "$3\r\nfoo\r", "*2\r\n:1\r\n",
        "%1\r\n+k\r\n", "|1\r\n+a\r\n+b\r\n", "=8\r\ntxt:", ",1.5")) {
      assertThatThrownBy(feed.reader(truncated)::readReply)
          .as(truncated)
          .isExactlyInstanceOf(EOFException.class)
          .hasMessage("Server closed the connection");
    }
  }

  @Test
  void hugeBulkHeaderWithoutABodyEndsQuicklyWithLittleMemory() {
    byte[] resp = Feed.bytes("$536870912\r\n" + "x".repeat(1000));
    RespReader reader = new RespReader(new ByteArrayInputStream(resp), 16 * 1024, 512 * 1024 * 1024, 128);
    long before = ThreadAllocation.allocatedBytes();
    assertTimeout(Duration.ofSeconds(5), () -> {
      assertThatThrownBy(reader::readBulkBytes).isExactlyInstanceOf(EOFException.class);
    });
    long after = ThreadAllocation.allocatedBytes();
    if (before >= 0 && after >= 0) {
      assertThat(after - before).isLessThan(8L * 1024 * 1024);
    }
  }

  @Test
  void hugeArrayHeaderWithoutElementsEndsQuicklyWithLittleMemory() {
    byte[] resp = Feed.bytes("*2147483000\r\n:1\r\n");
    RespReader reader = new RespReader(new ByteArrayInputStream(resp), 16 * 1024, 512 * 1024 * 1024, 128);
    long before = ThreadAllocation.allocatedBytes();
    assertThatThrownBy(reader::readReply).isExactlyInstanceOf(EOFException.class);
    long after = ThreadAllocation.allocatedBytes();
    if (before >= 0 && after >= 0) {
      assertThat(after - before).isLessThan(8L * 1024 * 1024);
    }
  }

  @Test
  void protocolErrorMessagesDoNotDumpLargePayloads() {
    byte[] resp = Feed.bytes("(" + "1".repeat(10_000) + "x\r\n");
    assertThatThrownBy(Feed.WHOLE.reader(resp, 1 << 20, 4)::readReply)
        .isExactlyInstanceOf(RedisProtocolException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
