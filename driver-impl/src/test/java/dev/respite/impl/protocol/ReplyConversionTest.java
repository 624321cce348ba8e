package dev.respite.impl.protocol;

import static dev.respite.impl.protocol.Replies.ofArray;
import static dev.respite.impl.protocol.Replies.ofInteger;
import static dev.respite.impl.protocol.Replies.ofMap;
import static dev.respite.impl.protocol.Replies.ofStatus;
import static dev.respite.impl.protocol.Replies.ofString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisException;
import dev.respite.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code as...} conversions follow the contract of {@link Reply}. */
class ReplyConversionTest {

  @Test
  void asLongAcceptsIntegersBigNumbersThatFitAndDecimalText() {
    assertThat(ofInteger(-5).asLong()).isEqualTo(-5);
    assertThat(Replies.ofBigNumber("9223372036854775807").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(Replies.ofBigNumber("+12").asLong()).isEqualTo(12);
    assertThat(ofString("-9223372036854775808").asLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(ofStatus("42").asLong()).isEqualTo(42);
    assertThat(Replies.ofVerbatim("txt", "7").asLong()).isEqualTo(7);
  }

  @Test
  void asLongOfABigNumberThatDoesNotFitNamesBothTypes() {
    assertThatThrownBy(() -> Replies.ofBigNumber("9223372036854775808").asLong())
        .isExactlyInstanceOf(RedisException.class)
        .hasMessageContaining("BIG_NUMBER").hasMessageContaining("long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.5", " 1", "1 ", "+-1", "0x10", "99999999999999999999"})
  void asLongOfNonIntegerTextThrows(String text) {
    assertThatThrownBy(() -> ofString(text).asLong())
        .isExactlyInstanceOf(RedisException.class)
        .hasMessageContaining("BULK_STRING").hasMessageContaining("a long");
  }

  @Test
  void asLongOfOtherTypesThrowsNamingBoth() {
    for (Reply reply : List.of(Replies.ofDouble(1), Replies.ofBoolean(true), Replies.ofNull(), ofArray(),
        Replies.ofError("ERR 1"))) {
      assertThatThrownBy(reply::asLong)
          .isExactlyInstanceOf(RedisException.class)
          .hasMessage("Cannot convert " + BaseReply.describe(reply.type()) + " to a long");
    }
  }

  @Test
  void asDoubleAcceptsDoublesIntegersAndNumericText() {
    assertThat(Replies.ofDouble(2.5).asDouble()).isEqualTo(2.5);
    assertThat(ofInteger(3).asDouble()).isEqualTo(3.0);
    assertThat(ofString("3.25").asDouble()).isEqualTo(3.25);
    assertThat(ofString("1e3").asDouble()).isEqualTo(1000.0);
    assertThat(ofString("inf").asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ofString("-inf").asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(ofString("+inf").asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ofString("nan").asDouble()).isNaN();
    assertThat(Replies.ofBigNumber("12").asDouble()).isEqualTo(12.0);
  }

  @Test
  void asDoubleOfOtherRepliesThrows() {
    assertThatThrownBy(() -> ofString("1.5.1").asDouble()).isExactlyInstanceOf(RedisException.class)
        .hasMessageContaining("BULK_STRING").hasMessageContaining("double");
    assertThatThrownBy(() -> Replies.ofNull().asDouble()).isExactlyInstanceOf(RedisException.class)
        .hasMessage("Cannot convert a NULL reply to a double");
    assertThatThrownBy(() -> Replies.ofBoolean(false).asDouble()).isExactlyInstanceOf(RedisException.class);
    assertThatThrownBy(() -> ofArray().asDouble()).isExactlyInstanceOf(RedisException.class);
  }

  @Test
  void asBooleanAcceptsBooleansAndIntegersZeroAndOne() {
    assertThat(Replies.ofBoolean(true).asBoolean()).isTrue();
    assertThat(Replies.ofBoolean(false).asBoolean()).isFalse();
    assertThat(ofInteger(1).asBoolean()).isTrue();
    assertThat(ofInteger(0).asBoolean()).isFalse();
  }

  @Test
  void asBooleanOfOtherRepliesThrows() {
    for (Reply reply : List.of(ofInteger(2), ofInteger(-1), ofString("1"), ofStatus("true"), Replies.ofNull(), ofArray())) {
      assertThatThrownBy(reply::asBoolean).as(reply.toString())
          .isExactlyInstanceOf(RedisException.class).hasMessageContaining(reply.type().name());
    }
  }

  @Test
  void asStringGivesTextForEveryScalar() {
    assertThat(ofString("héllo").asString()).isEqualTo("héllo");
    assertThat(ofStatus("OK").asString()).isEqualTo("OK");
    assertThat(Replies.ofError("ERR no").asString()).isEqualTo("ERR no");
    assertThat(Replies.ofVerbatim("txt", "text").asString()).isEqualTo("text");
    assertThat(ofInteger(-3).asString()).isEqualTo("-3");
    assertThat(Replies.ofDouble(Double.NEGATIVE_INFINITY).asString()).isEqualTo("-inf");
    assertThat(Replies.ofDouble(1.5).asString()).isEqualTo("1.5");
    assertThat(Replies.ofBigNumber("123456789012345678901234567890").asString())
        .isEqualTo("123456789012345678901234567890");
    assertThat(Replies.ofBoolean(true).asString()).isEqualTo("t");
    assertThat(Replies.ofNull().asString()).isNull();
  }

  @Test
  void asStringOfAnAggregateThrows() {
    assertThatThrownBy(() -> ofArray(ofInteger(1)).asString()).isExactlyInstanceOf(RedisException.class)
        .hasMessage("Cannot convert an ARRAY reply to a string");
  }

  @Test
  void asBytesReturnsACopy() {
    byte[] original = {1, 2, 3};
    Reply reply = Replies.ofBytes(original);
    original[0] = 9;
    byte[] first = reply.asBytes();
    assertThat(first).containsExactly(1, 2, 3);
    first[1] = 9;
    assertThat(reply.asBytes()).containsExactly(1, 2, 3);
    assertThat(ofInteger(12).asBytes()).containsExactly('1', '2');
    assertThat(Replies.ofNull().asBytes()).isNull();
    assertThatThrownBy(() -> Replies.ofSet().asBytes()).isExactlyInstanceOf(RedisException.class);
  }

  @Test
  void asListOfANullReplyIsEmptyAndOfAScalarThrows() {
    assertThat(Replies.ofNull().asList()).isEmpty();
    assertThat(Replies.ofNull().asMap()).isEmpty();
    assertThatThrownBy(() -> ofString("x").asList()).isExactlyInstanceOf(RedisException.class)
        .hasMessage("Cannot convert a BULK_STRING reply to a list");
    assertThatThrownBy(() -> ofInteger(1).asMap()).isExactlyInstanceOf(RedisException.class);
  }

  @Test
  void asListIsUnmodifiableAndAMapsListAlternates() {
    Reply map = ofMap(ofStatus("a"), ofInteger(1));
    assertThat(map.asList()).containsExactly(ofStatus("a"), ofInteger(1));
    assertThatThrownBy(() -> map.asList().add(ofInteger(2))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asMapKeepsTheOrderSentForMapsAndEvenArrays() {
    Reply map = ofMap(ofStatus("z"), ofInteger(1), ofString("a"), ofInteger(2));
    assertThat(map.asMap()).containsExactly(Map.entry("z", ofInteger(1)), Map.entry("a", ofInteger(2)));
    Reply array = ofArray(ofString("maxmemory"), ofString("0"), ofString("port"), ofString("6379"));
    assertThat(array.asMap()).containsExactly(Map.entry("maxmemory", ofString("0")), Map.entry("port", ofString("6379")));
    assertThat(ofArray().asMap()).isEmpty();
    assertThatThrownBy(() -> array.asMap().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asMapOfAnOddArrayOrASetThrows() {
    assertThatThrownBy(() -> ofArray(ofString("k")).asMap()).isExactlyInstanceOf(RedisException.class)
        .hasMessageContaining("odd length");
    assertThatThrownBy(() -> Replies.ofSet(ofString("k"), ofString("v")).asMap())
        .isExactlyInstanceOf(RedisException.class).hasMessage("Cannot convert a SET reply to a map");
  }

  @Test
  void asMapWithANullOrAggregateKeyThrows() {
    assertThatThrownBy(() -> ofMap(Replies.ofNull(), ofInteger(1)).asMap())
        .isExactlyInstanceOf(RedisException.class).hasMessageContaining("NULL");
    assertThatThrownBy(() -> ofArray(ofArray(), ofInteger(1)).asMap())
        .isExactlyInstanceOf(RedisException.class).hasMessageContaining("key is an ARRAY reply");
  }

  @Test
  void mapKeysMayBeAnyScalar() {
    assertThat(ofMap(ofInteger(1), ofString("one"), Replies.ofDouble(2.5), ofString("x")).asMap())
        .containsOnlyKeys("1", "2.5");
  }
}
