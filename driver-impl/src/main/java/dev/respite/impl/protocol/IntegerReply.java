package dev.respite.impl.protocol;

import dev.respite.RedisException;
import dev.respite.ReplyType;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A RESP {@code :} integer. Small values are shared, since counters and flags are most replies' values. */
final class IntegerReply extends BaseReply {
  private static final int CACHE_LOW = -1;
  private static final int CACHE_HIGH = 255;
  private static final IntegerReply[] CACHE = new IntegerReply[CACHE_HIGH - CACHE_LOW + 1];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new IntegerReply(i + CACHE_LOW);
    }
  }

  private final long value;

  private IntegerReply(long value) {
    this.value = value;
  }

  static IntegerReply of(long value) {
    return value >= CACHE_LOW && value <= CACHE_HIGH ? CACHE[(int) value - CACHE_LOW] : new IntegerReply(value);
  }

  @Override
  public ReplyType type() {
    return ReplyType.INTEGER;
  }

  @Override
  public String asString() {
    return Long.toString(value);
  }

  @Override
  public byte[] asBytes() {
    return asString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public long asLong() {
    return value;
  }

  @Override
  public double asDouble() {
    return value;
  }

  @Override
  public boolean asBoolean() {
    if (value == 0 || value == 1) {
      return value == 1;
    }
    throw new RedisException("Cannot convert an INTEGER reply " + value + " to a boolean: not 0 or 1");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || o instanceof IntegerReply && value == ((IntegerReply) o).value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }
}
