package dev.respite.command;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code XREAD} and {@code XREADGROUP}: {@code COUNT}, {@code BLOCK} and (group
 * only) {@code NOACK}. With {@code BLOCK}, the connection's read timeout is extended by the block time for
 * that call. Immutable.
 */
public final class StreamReadOptions {
  private static final StreamReadOptions NONE = new StreamReadOptions(0, null, false);

  private final long count;
  private final @Nullable Duration block;
  private final boolean noAck;

  private StreamReadOptions(long count, @Nullable Duration block, boolean noAck) {
    this.count = count;
    this.block = block;
    this.noAck = noAck;
  }

  /** No option: return at once. */
  public static StreamReadOptions none() {
    return NONE;
  }

  /** {@code COUNT count}: at most this many entries per stream. */
  public StreamReadOptions count(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("COUNT must be positive, got " + count);
    }
    return new StreamReadOptions(count, block, noAck);
  }

  /** {@code BLOCK milliseconds}: wait up to {@code timeout} for an entry (zero: forever). */
  public StreamReadOptions block(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("BLOCK must not be negative, got " + timeout);
    }
    return new StreamReadOptions(count, timeout, noAck);
  }

  /** {@code NOACK}: {@code XREADGROUP} does not add the entries to the pending list. */
  public StreamReadOptions noAck() {
    return new StreamReadOptions(count, block, true);
  }

  /** The count, or 0 for none. */
  public long count() {
    return count;
  }

  /** The block time, or null for none. */
  public @Nullable Duration block() {
    return block;
  }

  /** Whether {@code NOACK} is sent. */
  public boolean isNoAck() {
    return noAck;
  }
}
