package dev.respite.impl.protocol;

import dev.respite.Reply;
import dev.respite.ReplyType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Makes {@link Reply} values equal to those {@link RespReader} returns, for code that needs a reply
 * without a server: tests, and replies a session synthesises. All are immutable.
 */
public final class Replies {
  private Replies() {}

  /** A bulk string of {@code value}'s UTF-8 bytes ({@code $}). */
  public static Reply ofString(String value) {
    return new StringReply(ReplyType.BULK_STRING, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A bulk string of a copy of {@code value} ({@code $}). */
  public static Reply ofBytes(byte[] value) {
    return new StringReply(ReplyType.BULK_STRING, value.clone());
  }

  /** A simple string such as {@code OK} ({@code +}). */
  public static Reply ofStatus(String value) {
    return new StringReply(ReplyType.SIMPLE_STRING, value.getBytes(StandardCharsets.UTF_8));
  }

  /** An error reply as found inside an aggregate; {@code line} is the whole line, code first. */
  public static Reply ofError(String line) {
    return new StringReply(ReplyType.ERROR, line.getBytes(StandardCharsets.UTF_8));
  }

  /** A verbatim string ({@code =}), such as format {@code txt}. */
  public static Reply ofVerbatim(String format, String text) {
    if (format.length() != 3) {
      throw new IllegalArgumentException("A verbatim format has three characters, got \"" + format + "\"");
    }
    return StringReply.verbatim(format, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A big number ({@code (}).
   *
   * @throws IllegalArgumentException unless {@code digits} is an optional sign and decimal digits
   */
  public static Reply ofBigNumber(String digits) {
    byte[] bytes = digits.getBytes(StandardCharsets.US_ASCII);
    if (!DecimalText.isInteger(bytes)) {
      throw new IllegalArgumentException("Not a big number: \"" + digits + "\"");
    }
    return new StringReply(ReplyType.BIG_NUMBER, bytes);
  }

  /** An integer ({@code :}). */
  public static Reply ofInteger(long value) {
    return IntegerReply.of(value);
  }

  /** A double ({@code ,}), with the text a server would send for it. */
  public static Reply ofDouble(double value) {
    return DoubleReply.of(value);
  }

  /** A boolean ({@code #t} or {@code #f}). */
  public static Reply ofBoolean(boolean value) {
    return BooleanReply.of(value);
  }

  /** The null reply. */
  public static Reply ofNull() {
    return NullReply.INSTANCE;
  }

  /** An array ({@code *}). */
  public static Reply ofArray(Reply... elements) {
    return aggregate(ReplyType.ARRAY, List.of(elements));
  }

  /** An array ({@code *}) of a copy of {@code elements}. */
  public static Reply ofArray(List<? extends Reply> elements) {
    return aggregate(ReplyType.ARRAY, List.copyOf(elements));
  }

  /** A set ({@code ~}), in the given order. */
  public static Reply ofSet(Reply... elements) {
    return aggregate(ReplyType.SET, List.of(elements));
  }

  /** A push message ({@code >}), such as {@code message}, channel, payload. */
  public static Reply ofPush(Reply... elements) {
    return aggregate(ReplyType.PUSH, List.of(elements));
  }

  /**
   * A map ({@code %}) of alternating keys and values.
   *
   * @throws IllegalArgumentException for an odd number of arguments
   */
  public static Reply ofMap(Reply... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("A map needs keys and values in pairs, got " + keysAndValues.length);
    }
    return aggregate(ReplyType.MAP, List.of(keysAndValues));
  }

  private static Reply aggregate(ReplyType type, List<Reply> elements) {
    return new AggregateReply(Objects.requireNonNull(type), elements);
  }
}
