package dev.respite.impl.protocol;

import dev.respite.RedisException;
import dev.respite.ReplyType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reply whose value is bytes: a simple, bulk or verbatim string, an error line, or a big number's
 * digits. A verbatim string holds its text without the {@code fmt:} prefix, and the format apart.
 */
final class StringReply extends BaseReply {
  private static final int SHOWN_BYTES = 40;

  private final ReplyType type;
  private final byte[] bytes;
  private final @Nullable String format;

  /** Takes ownership of {@code bytes}: the caller must not change them afterwards. */
  StringReply(ReplyType type, byte[] bytes) {
    this(type, bytes, null);
  }

  private StringReply(ReplyType type, byte[] bytes, @Nullable String format) {
    this.type = type;
    this.bytes = bytes;
    this.format = format;
  }

  /** A verbatim string; takes ownership of {@code text}. */
  static StringReply verbatim(String format, byte[] text) {
    return new StringReply(ReplyType.VERBATIM_STRING, text, format);
  }

  /** The bytes themselves, not a copy: only for this package, which never changes them. */
  byte[] bytes() {
    return bytes;
  }

  /** A verbatim string's format, such as {@code txt} or {@code mkd}; null for other types. */
  @Nullable String format() {
    return format;
  }

  @Override
  public ReplyType type() {
    return type;
  }

  @Override
  public String asString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] asBytes() {
    return bytes.clone();
  }

  @Override
  public long asLong() {
    if (type == ReplyType.ERROR) {
      throw cannotConvert("a long");
    }
    try {
      return DecimalText.parseLong(bytes, 0, bytes.length, type == ReplyType.BIG_NUMBER);
    } catch (NumberFormatException e) {
      throw notNumeric("a long", e);
    }
  }

  @Override
  public double asDouble() {
    if (type == ReplyType.ERROR) {
      throw cannotConvert("a double");
    }
    try {
      return DecimalText.parseDouble(asString());
    } catch (NumberFormatException e) {
      throw notNumeric("a double", e);
    }
  }

  private RedisException notNumeric(String target, NumberFormatException e) {
    return new RedisException("Cannot convert " + describe(type) + " " + EscapedText.quote(bytes, SHOWN_BYTES)
        + " to " + target + ": " + e.getMessage());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || o instanceof StringReply && type == ((StringReply) o).type
        && Arrays.equals(bytes, ((StringReply) o).bytes) && Objects.equals(format, ((StringReply) o).format);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(bytes);
  }
}
