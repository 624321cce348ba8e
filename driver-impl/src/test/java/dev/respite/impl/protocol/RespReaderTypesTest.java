package dev.respite.impl.protocol;

import static dev.respite.impl.protocol.Replies.ofArray;
import static dev.respite.impl.protocol.Replies.ofError;
import static dev.respite.impl.protocol.Replies.ofInteger;
import static dev.respite.impl.protocol.Replies.ofMap;
import static dev.respite.impl.protocol.Replies.ofStatus;
import static dev.respite.impl.protocol.Replies.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.Reply;
import dev.respite.ReplyType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every RESP2 and RESP3 type decodes to the right reply, whether bytes arrive at once or one by one. */
class RespReaderTypesTest {

  @ParameterizedTest
  @EnumSource(Feed.class)
  void simpleStringDecodes(Feed feed) throws IOException {
    Reply reply = feed.reader("+OK\r\n").readReply();
    assertThat(reply.type()).isEqualTo(ReplyType.SIMPLE_STRING);
    assertThat(reply.asString()).isEqualTo("OK");
    assertThat(reply).isEqualTo(ofStatus("OK"));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void emptySimpleStringDecodes(Feed feed) throws IOException {
    assertThat(feed.reader("+\r\n").readReply()).isEqualTo(ofStatus(""));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void bulkStringDecodesBinarySafely(Feed feed) throws IOException {
    Reply reply = feed.reader("$8\r\na\r\nb\0\r\nc\r\n").readReply();
    assertThat(reply.type()).isEqualTo(ReplyType.BULK_STRING);
    assertThat(reply.asBytes()).containsExactly('a', '\r', '\n', 'b', 0, '\r', '\n', 'c');
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void emptyBulkStringIsNotNull(Feed feed) throws IOException {
    Reply reply = feed.reader("$0\r\n\r\n").readReply();
    assertThat(reply.isNull()).isFalse();
    assertThat(reply.asString()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void bulkStringLargerThanTheBufferDecodes(Feed feed) throws IOException {
    String big = "x".repeat(100_000) + "é";
    Reply reply = feed.reader("$" + Feed.bytes(big).length + "\r\n" + big + "\r\n:1\r\n").readReply();
    assertThat(reply.asString()).isEqualTo(big);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void simpleStringLongerThanTheBufferDecodes(Feed feed) throws IOException {
    String line = "abcdefghij".repeat(1000);
    RespReader reader = feed.reader("+" + line + "\r\n+" + line + "!\r\n");
    assertThat(reader.readReply().asString()).isEqualTo(line);
    assertThat(reader.readReply().asString()).isEqualTo(line + "!");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void integersDecodeAcrossTheWholeLongRange(Feed feed) throws IOException {
    RespReader reader = feed.reader(":0\r\n:-1\r\n:42\r\n:9223372036854775807\r\n:-9223372036854775808\r\n:007\r\n");
    assertThat(reader.readReply()).isEqualTo(ofInteger(0));
    assertThat(reader.readReply()).isEqualTo(ofInteger(-1));
    assertThat(reader.readReply().asLong()).isEqualTo(42);
    assertThat(reader.readReply().asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(reader.readReply().asLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(reader.readReply().asLong()).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void allThreeNullFormsDecodeToTheNullReply(Feed feed) throws IOException {
    RespReader reader = feed.reader("$-1\r\n*-1\r\n_\r\n");
    for (int i = 0; i < 3; i++) {
      Reply reply = reader.readReply();
      assertThat(reply.type()).isEqualTo(ReplyType.NULL);
      assertThat(reply.isNull()).isTrue();
      assertThat(reply).isSameAs(Replies.ofNull());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void doublesDecodeIncludingInfinitiesAndNan(Feed feed) throws IOException {
    RespReader reader = feed.reader(",1.5\r\n,-2\r\n,3e2\r\n,1.25E-3\r\n,inf\r\n,-inf\r\n,nan\r\n");
    assertThat(reader.readReply().asDouble()).isEqualTo(1.5);
    assertThat(reader.readReply().asDouble()).isEqualTo(-2.0);
    assertThat(reader.readReply().asDouble()).isEqualTo(300.0);
    assertThat(reader.readReply().asDouble()).isEqualTo(0.00125);
    assertThat(reader.readReply().asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(reader.readReply().asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    Reply nan = reader.readReply();
    assertThat(nan.type()).isEqualTo(ReplyType.DOUBLE);
    assertThat(nan.asDouble()).isNaN();
    assertThat(nan.asString()).isEqualTo("nan");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void doubleKeepsTheTextTheServerSent(Feed feed) throws IOException {
    Reply reply = feed.reader(",3.0e+2\r\n").readReply();
    assertThat(reply.asString()).isEqualTo("3.0e+2");
    assertThat(reply).isEqualTo(Replies.ofDouble(300));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void bigNumbersDecodeAsTheirDigits(Feed feed) throws IOException {
    RespReader reader = feed.reader("(3492890328409238509324850943850943825024385\r\n(-12\r\n");
    Reply big = reader.readReply();
    assertThat(big.type()).isEqualTo(ReplyType.BIG_NUMBER);
    assertThat(big.asString()).isEqualTo("3492890328409238509324850943850943825024385");
    assertThat(reader.readReply().asLong()).isEqualTo(-12);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void booleansDecode(Feed feed) throws IOException {
    RespReader reader = feed.reader("#t\r\n#f\r\n");
    assertThat(reader.readReply()).isEqualTo(Replies.ofBoolean(true));
    Reply no = reader.readReply();
    assertThat(no.type()).isEqualTo(ReplyType.BOOLEAN);
    assertThat(no.asBoolean()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void verbatimStringDecodesWithoutItsFormat(Feed feed) throws IOException {
    Reply reply = feed.reader("=15\r\ntxt:Some string\r\n").readReply();
    assertThat(reply.type()).isEqualTo(ReplyType.VERBATIM_STRING);
    assertThat(reply.asString()).isEqualTo("Some string");
    assertThat(reply).isEqualTo(Replies.ofVerbatim("txt", "Some string"));
    assertThat(((StringReply) reply).format()).isEqualTo("txt");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void verbatimStringWithOnlyAFormatIsEmpty(Feed feed) throws IOException {
    assertThat(feed.reader("=4\r\nmkd:\r\n").readReply().asString()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void nestedArraysDecode(Feed feed) throws IOException {
    Reply reply = feed.reader("*3\r\n:1\r\n*2\r\n$1\r\na\r\n*0\r\n+x\r\n").readReply();
    assertThat(reply).isEqualTo(ofArray(ofInteger(1), ofArray(ofString("a"), ofArray()), ofStatus("x")));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void arrayEndingInNestedArraysClosesEveryLevel(Feed feed) throws IOException {
    RespReader reader = feed.reader("*1\r\n*1\r\n*1\r\n:5\r\n:6\r\n");
    assertThat(reader.readReply()).isEqualTo(ofArray(ofArray(ofArray(ofInteger(5)))));
    assertThat(reader.readReply()).isEqualTo(ofInteger(6));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void nullsInsideAnArrayStayElements(Feed feed) throws IOException {
    Reply reply = feed.reader("*3\r\n$-1\r\n*-1\r\n_\r\n").readReply();
    assertThat(reply.asList()).hasSize(3).allMatch(Reply::isNull);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void mapDecodesAsAlternatingKeysAndValues(Feed feed) throws IOException {
    Reply reply = feed.reader("%2\r\n+first\r\n:1\r\n$6\r\nsecond\r\n%1\r\n+k\r\n#t\r\n").readReply();
    assertThat(reply.type()).isEqualTo(ReplyType.MAP);
    assertThat(reply).isEqualTo(ofMap(ofStatus("first"), ofInteger(1), ofString("second"),
        ofMap(ofStatus("k"), Replies.ofBoolean(true))));
    assertThat(reply.asMap()).containsOnlyKeys("first", "second");
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void setDecodes(Feed feed) throws IOException {
    Reply reply = feed.reader("~2\r\n+a\r\n+b\r\n").readReply();
    assertThat(reply).isEqualTo(Replies.ofSet(ofStatus("a"), ofStatus("b")));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void emptyAggregatesOfEachTypeDecode(Feed feed) throws IOException {
    RespReader reader = feed.reader("*0\r\n%0\r\n~0\r\n");
    assertThat(reader.readReply()).isEqualTo(ofArray());
    assertThat(reader.readReply()).isEqualTo(ofMap());
    assertThat(reader.readReply()).isEqualTo(Replies.ofSet());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void errorsNestedInAnArrayAreReplies(Feed feed) throws IOException {
    Reply reply = feed.reader("*3\r\n+OK\r\n-WRONGTYPE Operation against a key\r\n!9\r\nERR b\r\nad\r\n").readReply();
    assertThat(reply).isEqualTo(ofArray(ofStatus("OK"), ofError("WRONGTYPE Operation against a key"),
        ofError("ERR b\r\nad")));
    assertThat(reply.asList().get(1).type()).isEqualTo(ReplyType.ERROR);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void topLevelAttributeIsDiscarded(Feed feed) throws IOException {
    RespReader reader = feed.reader("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*2\r\n:2039123\r\n:9543892\r\n");
    assertThat(reader.readReply()).isEqualTo(ofArray(ofInteger(2039123), ofInteger(9543892)));
    assertThat(reader.completedReplies()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void attributesInsideAggregatesAreDiscarded(Feed feed) throws IOException {
    String resp = "*3\r\n:1\r\n|1\r\n+ttl\r\n:3600\r\n:2\r\n|0\r\n|1\r\n+a\r\n*1\r\n+b\r\n%1\r\n+k\r\n|1\r\n+x\r\n+y\r\n+v\r\n";
    Reply reply = feed.reader(resp).readReply();
    assertThat(reply).isEqualTo(ofArray(ofInteger(1), ofInteger(2), ofMap(ofStatus("k"), ofStatus("v"))));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void attributeAsTheLastElementIsFollowedByTheElement(Feed feed) throws IOException {
    Reply reply = feed.reader("*1\r\n|1\r\n+a\r\n+b\r\n$-1\r\n").readReply();
    assertThat(reply).isEqualTo(ofArray(Replies.ofNull()));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void nestedPushIsAnOrdinaryElement(Feed feed) throws IOException {
    Reply reply = feed.reader("*1\r\n>1\r\n+x\r\n").readReply();
    assertThat(reply).isEqualTo(ofArray(Replies.ofPush(ofStatus("x"))));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void nestingUpToTheLimitDecodes(Feed feed) throws IOException {
    String resp = "*1\r\n".repeat(Feed.MAX_DEPTH) + ":1\r\n";
    Reply reply = feed.reader(resp).readReply();
    for (int i = 0; i < Feed.MAX_DEPTH; i++) {
      reply = reply.asList().get(0);
    }
    assertThat(reply).isEqualTo(ofInteger(1));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void longAggregateGrowsAsElementsArrive(Feed feed) throws IOException {
    StringBuilder resp = new StringBuilder("*1000\r\n");
    List<Reply> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      resp.append(':').append(i).append("\r\n");
      expected.add(ofInteger(i));
    }
    assertThat(feed.reader(resp.toString()).readReply()).isEqualTo(Replies.ofArray(expected));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void everyReplyInAPipelineDecodesInOrder(Feed feed) throws IOException {
    RespReader reader = feed.reader("+OK\r\n:1\r\n$3\r\nfoo\r\n*1\r\n$3\r\nbar\r\n_\r\n");
    assertThat(reader.readReply()).isEqualTo(ofStatus("OK"));
    assertThat(reader.readReply()).isEqualTo(ofInteger(1));
    assertThat(reader.readReply()).isEqualTo(ofString("foo"));
    assertThat(reader.readReply()).isEqualTo(ofArray(ofString("bar")));
    assertThat(reader.readReply()).isEqualTo(Replies.ofNull());
    assertThat(reader.completedReplies()).isEqualTo(5);
    assertThat(reader.hasBufferedInput()).isFalse();
  }
}
