package dev.respite.impl.protocol;

import static dev.respite.impl.protocol.Replies.ofArray;
import static dev.respite.impl.protocol.Replies.ofInteger;
import static dev.respite.impl.protocol.Replies.ofMap;
import static dev.respite.impl.protocol.Replies.ofStatus;
import static dev.respite.impl.protocol.Replies.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies show as redis-cli shows them, never at unbounded length, and compare by value. */
class ReplyTextTest {

  @Test
  void scalarsShowAsRedisCliShowsThem() {
    assertThat(ofStatus("OK")).hasToString("OK");
    assertThat(ofString("hello \"you\"\n")).hasToString("\"hello \\\"you\\\"\\n\"");
    assertThat(ofInteger(5)).hasToString("(integer) 5");
    assertThat(Replies.ofNull()).hasToString("(nil)");
    assertThat(Replies.ofError("ERR wrong")).hasToString("(error) ERR wrong");
    assertThat(Replies.ofDouble(1.5)).hasToString("(double) 1.5");
    assertThat(Replies.ofBoolean(true)).hasToString("(true)");
    assertThat(Replies.ofBigNumber("123")).hasToString("(big number) 123");
    assertThat(Replies.ofVerbatim("txt", "hi")).hasToString("\"hi\"");
    assertThat(Replies.ofBytes(new byte[] {0, 1})).hasToString("\"\\x00\\x01\"");
  }

  @Test
  void aggregatesShowNumberedAndIndented() {
    Reply reply = ofArray(ofString("a"), ofArray(ofInteger(1), ofInteger(2)), ofArray());
    assertThat(reply).hasToString("1) \"a\"\n2) 1) (integer) 1\n   2) (integer) 2\n3) (empty array)");
    assertThat(ofMap(ofStatus("k"), ofInteger(1), ofStatus("m"), ofArray(ofInteger(2), ofInteger(3))))
        .hasToString("1# k => (integer) 1\n2# m => 1) (integer) 2\n        2) (integer) 3");
    assertThat(Replies.ofSet(ofStatus("x"))).hasToString("1~ x");
    assertThat(Replies.ofSet()).hasToString("(empty set)");
    assertThat(ofMap()).hasToString("(empty map)");
  }

  @Test
  void longStringIsCutShort() {
    String text = ofString("x".repeat(1_000_000)).toString();
    assertThat(text).hasSizeLessThan(300).endsWith("...\" (1000000 bytes)");
  }

  @Test
  void longListIsCutShort() {
    List<Reply> many = new ArrayList<>(Collections.nCopies(100_000, ofString("y".repeat(100))));
    String text = ofArray(many).toString();
    assertThat(text).hasSizeLessThan(5000).contains("more)");
  }

  @Test
  void deepNestingIsCutShortWithoutOverflowingTheStack() throws IOException {
    int depth = 5000;
    RespReader reader = Feed.WHOLE.reader(Feed.bytes("*1\r\n".repeat(depth) + ":1\r\n"), 1024, depth);
    String text = reader.readReply().toString();
    assertThat(text).hasSizeLessThan(3000).contains("more)");
  }

  @Test
  void equalRepliesHaveEqualHashCodes() {
    assertThat(ofString("a")).isEqualTo(Replies.ofBytes(new byte[] {'a'})).hasSameHashCodeAs(ofString("a"));
    assertThat(ofString("a")).isNotEqualTo(ofStatus("a"));
    assertThat(ofInteger(1_000_000)).isEqualTo(ofInteger(1_000_000)).hasSameHashCodeAs(ofInteger(1_000_000));
    assertThat(Replies.ofDouble(Double.NaN)).isEqualTo(Replies.ofDouble(Double.NaN));
    assertThat(ofArray(ofInteger(1))).isEqualTo(ofArray(List.of(ofInteger(1))))
        .hasSameHashCodeAs(ofArray(ofInteger(1)))
        .isNotEqualTo(Replies.ofSet(ofInteger(1)))
        .isNotEqualTo(Replies.ofPush(ofInteger(1)));
    assertThat(Replies.ofVerbatim("txt", "a")).isNotEqualTo(Replies.ofVerbatim("mkd", "a"))
        .isNotEqualTo(ofString("a"));
  }
}
