package dev.respite.impl.protocol;

import dev.respite.ReplyType;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A RESP3 {@code ,} double. Keeps the text as sent, because that is what {@link #asString()} promises and
 * Java's formatting of a double differs from the server's; equality is by numeric value alone.
 */
final class DoubleReply extends BaseReply {
  private final double value;
  private final String text;

  DoubleReply(double value, String text) {
    this.value = value;
    this.text = text;
  }

  /** The RESP3 text of {@code value}: {@code inf}, {@code -inf}, {@code nan}, or a decimal. */
  static DoubleReply of(double value) {
    String text;
    if (Double.isNaN(value)) {
      text = "nan";
    } else if (Double.isInfinite(value)) {
      text = value > 0 ? "inf" : "-inf";
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      text = Long.toString((long) value);
    } else {
      text = Double.toString(value);
    }
    return new DoubleReply(value, text);
  }

  @Override
  public ReplyType type() {
    return ReplyType.DOUBLE;
  }

  @Override
  public String asString() {
    return text;
  }

  @Override
  public byte[] asBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public double asDouble() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || o instanceof DoubleReply && Double.compare(value, ((DoubleReply) o).value) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }
}
