package dev.respite.impl.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The typed reads, the top-level error and push rules, and the reply count, under every feed. */
class RespReaderTypedReadsTest {

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readBulkBytesAcceptsEveryStringForm(Feed feed) throws IOException {
    RespReader reader = feed.reader("$3\r\nfoo\r\n+bar\r\n=8\r\ntxt:baz!\r\n$0\r\n\r\n");
    assertThat(reader.readBulkBytes()).isEqualTo(bytes("foo"));
    assertThat(reader.readBulkBytes()).isEqualTo(bytes("bar"));
    assertThat(reader.readBulkBytes()).isEqualTo(bytes("baz!"));
    assertThat(reader.readBulkBytes()).isEmpty();
    assertThat(reader.completedReplies()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readBulkBytesReturnsNullForEveryNullForm(Feed feed) throws IOException {
    RespReader reader = feed.reader("$-1\r\n_\r\n*-1\r\n");
    assertThat(reader.readBulkBytes()).isNull();
    assertThat(reader.readBulkBytes()).isNull();
    assertThat(reader.readBulkBytes()).isNull();
    assertThat(reader.completedReplies()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readBulkBytesOfAValueLargerThanTheBufferIsWhole(Feed feed) throws IOException {
    byte[] value = new byte[200_000];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) (i * 31);
    }
    byte[] header = bytes("$" + value.length + "\r\n");
    byte[] resp = new byte[header.length + value.length + 2];
    System.arraycopy(header, 0, resp, 0, header.length);
    System.arraycopy(value, 0, resp, header.length, value.length);
    resp[resp.length - 2] = '\r';
    resp[resp.length - 1] = '\n';
    assertThat(feed.reader(resp, Feed.MAX_BULK, Feed.MAX_DEPTH).readBulkBytes()).isEqualTo(value);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readBulkStringDecodesUtf8(Feed feed) throws IOException {
    String text = "héllo wörld € 😀";
    String big = "ü".repeat(50_000);
    RespReader reader = feed.reader("$" + bytes(text).length + "\r\n" + text + "\r\n+plain\r\n=7\r\ntxt:abc\r\n$-1\r\n_\r\n$"
        + bytes(big).length + "\r\n" + big + "\r\n");
    assertThat(reader.readBulkString()).isEqualTo(text);
    assertThat(reader.readBulkString()).isEqualTo("plain");
    assertThat(reader.readBulkString()).isEqualTo("abc");
    assertThat(reader.readBulkString()).isNull();
    assertThat(reader.readBulkString()).isNull();
    assertThat(reader.readBulkString()).isEqualTo(big);
    assertThat(reader.completedReplies()).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readIntegerReadsIntegers(Feed feed) throws IOException {
    RespReader reader = feed.reader(":12\r\n:-9223372036854775808\r\n|1\r\n+a\r\n+b\r\n:3\r\n");
    assertThat(reader.readInteger()).isEqualTo(12);
    assertThat(reader.readInteger()).isEqualTo(Long.MIN_VALUE);
    assertThat(reader.readInteger()).isEqualTo(3);
    assertThat(reader.completedReplies()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readStatusAcceptsSimpleAndBulkStrings(Feed feed) throws IOException {
    RespReader reader = feed.reader("+OK\r\n+PONG\r\n$6\r\nQUEUED\r\n+\r\n");
    assertThat(reader.readStatus()).isEqualTo("OK");
    assertThat(reader.readStatus()).isEqualTo("PONG");
    assertThat(reader.readStatus()).isEqualTo("QUEUED");
    assertThat(reader.readStatus()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readIntegerOfAnArrayConsumesItAndTheNextReplyReadsFine(Feed feed) throws IOException {
    RespReader reader = feed.reader("*2\r\n$1\r\na\r\n*1\r\n:1\r\n:7\r\n");
    assertThatThrownBy(reader::readInteger)
        .isExactlyInstanceOf(RedisException.class)
        .hasMessage("Expected an integer reply but got ARRAY");
    assertThat(reader.readInteger()).isEqualTo(7);
    assertThat(reader.completedReplies()).isEqualTo(2);
    assertThat(reader.hasBufferedInput()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readBulkOfAnIntegerConsumesItAndTheNextReplyReadsFine(Feed feed) throws IOException {
    RespReader reader = feed.reader(":5\r\n$2\r\nok\r\n%1\r\n+k\r\n+v\r\n$2\r\nok\r\n");
    assertThatThrownBy(reader::readBulkBytes)
        .isExactlyInstanceOf(RedisException.class)
        .hasMessage("Expected a bulk string reply but got INTEGER");
    assertThat(reader.readBulkBytes()).isEqualTo(bytes("ok"));
    assertThatThrownBy(reader::readBulkString)
        .isExactlyInstanceOf(RedisException.class)
        .hasMessage("Expected a bulk string reply but got MAP");
    assertThat(reader.readBulkString()).isEqualTo("ok");
    assertThat(reader.completedReplies()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readStatusOfANullConsumesItAndTheNextReplyReadsFine(Feed feed) throws IOException {
    RespReader reader = feed.reader("$-1\r\n:1\r\n+OK\r\n");
    assertThatThrownBy(reader::readStatus).isExactlyInstanceOf(RedisException.class)
        .hasMessage("Expected a status reply but got NULL");
    assertThatThrownBy(reader::readStatus).isExactlyInstanceOf(RedisException.class)
        .hasMessage("Expected a status reply but got INTEGER");
    assertThat(reader.readStatus()).isEqualTo("OK");
    assertThat(reader.completedReplies()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void topLevelErrorIsThrownWithItsCodeByEveryRead(Feed feed) throws IOException {
    String error = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
    RespReader reader = feed.reader(error.repeat(5) + "!20\r\nNOSCRIPT No matching\r\n+OK\r\n");
    List<ThrowingRead> reads = List.of(reader::readReply, reader::readBulkBytes, reader::readBulkString,
        reader::readInteger, reader::readStatus);
    for (ThrowingRead read : reads) {
      assertThatThrownBy(read::run)
          .isInstanceOfSatisfying(RedisServerException.class, e -> {
            assertThat(e.code()).isEqualTo("WRONGTYPE");
            assertThat(e.serverMessage()).isEqualTo("WRONGTYPE Operation against a key holding the wrong kind of value");
          });
    }
    assertThatThrownBy(reader::readReplyOrPush)
        .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("NOSCRIPT"));
    assertThat(reader.completedReplies()).isEqualTo(6);
    assertThat(reader.readStatus()).isEqualTo("OK");
    assertThat(reader.completedReplies()).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void topLevelPushesGoToTheHandlerAndDoNotCount(Feed feed) throws IOException {
    String push = ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n";
    RespReader reader = feed.reader(push + "+OK\r\n" + push + ":1\r\n" + push + "$1\r\nx\r\n" + push + "$1\r\ny\r\n"
        + push + "+S\r\n" + push + "|1\r\n+a\r\n+b\r\n:2\r\n");
    List<Reply> pushes = new ArrayList<>();
    reader.setPushHandler(pushes::add);
    assertThat(reader.readReply()).isEqualTo(Replies.ofStatus("OK"));
    assertThat(reader.readInteger()).isEqualTo(1);
    assertThat(reader.readBulkBytes()).isEqualTo(bytes("x"));
    assertThat(reader.readBulkString()).isEqualTo("y");
    assertThat(reader.readStatus()).isEqualTo("S");
    assertThat(reader.readInteger()).isEqualTo(2);
    assertThat(reader.completedReplies()).isEqualTo(6);
    assertThat(pushes).hasSize(6).containsOnly(
        Replies.ofPush(Replies.ofString("message"), Replies.ofString("ch"), Replies.ofString("hi")));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void pushesAreDroppedWithoutAHandler(Feed feed) throws IOException {
    assertThat(feed.reader(">1\r\n+x\r\n:9\r\n").readInteger()).isEqualTo(9);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void readReplyOrPushReturnsThePush(Feed feed) throws IOException {
    RespReader reader = feed.reader(">2\r\n+invalidate\r\n*1\r\n$3\r\nkey\r\n+OK\r\n");
    List<Reply> pushes = new ArrayList<>();
    reader.setPushHandler(pushes::add);
    Reply push = reader.readReplyOrPush();
    assertThat(push).isEqualTo(Replies.ofPush(Replies.ofStatus("invalidate"), Replies.ofArray(Replies.ofString("key"))));
    assertThat(reader.readReplyOrPush()).isEqualTo(Replies.ofStatus("OK"));
    assertThat(pushes).isEmpty();
    assertThat(reader.completedReplies()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void completedRepliesCountsOnlyWholeReplies(Feed feed) throws IOException {
    RespReader reader = feed.reader("+OK\r\n*2\r\n:1\r\n");
    assertThat(reader.completedReplies()).isZero();
    reader.readReply();
    assertThat(reader.completedReplies()).isEqualTo(1);
    assertThatThrownBy(reader::readReply).isInstanceOf(EOFException.class);
    assertThat(reader.completedReplies()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void protocolErrorInATypedReadDoesNotCount(Feed feed) {
    RespReader reader = feed.reader(":12x\r\n");
    assertThatThrownBy(reader::readInteger).isInstanceOf(RedisProtocolException.class);
    assertThat(reader.completedReplies()).isZero();
  }

  @Test
  void hasBufferedInputSeesBytesReadButNotConsumed() throws IOException {
    RespReader reader = Feed.WHOLE.reader("+OK\r\n:1\r\n");
    assertThat(reader.hasBufferedInput()).isFalse();
    reader.readStatus();
    assertThat(reader.hasBufferedInput()).isTrue();
    reader.readInteger();
    assertThat(reader.hasBufferedInput()).isFalse();
  }

  @Test
  void hasBufferedInputIsFalseWhenEachByteArrivesSeparately() throws IOException {
    RespReader reader = Feed.ONE_BYTE.reader("+OK\r\n:1\r\n");
    reader.readStatus();
    assertThat(reader.hasBufferedInput()).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface ThrowingRead {
    Object run() throws IOException;
  }
}
