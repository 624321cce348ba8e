package dev.respite.command;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The extended form of {@code XPENDING}: {@code [IDLE min-idle-time] start end count [consumer]}. Immutable:
 * {@code XPendingOptions.range("-", "+", 10).idle(Duration.ofMinutes(1)).consumer("worker-1")}.
 */
public final class XPendingOptions {
  private final String start;
  private final String end;
  private final long count;
  private final @Nullable Duration idle;
  private final @Nullable String consumer;

  private XPendingOptions(String start, String end, long count, @Nullable Duration idle, @Nullable String consumer) {
    this.start = start;
    this.end = end;
    this.count = count;
    this.idle = idle;
    this.consumer = consumer;
  }

  /** Up to {@code count} pending entries with ids from {@code start} to {@code end} ({@code -} and {@code +}: all). */
  public static XPendingOptions range(String start, String end, long count) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (count < 1) {
      throw new IllegalArgumentException("XPENDING count must be positive, got " + count);
    }
    return new XPendingOptions(start, end, count, null, null);
  }

  /** {@code IDLE ms}: only entries idle at least that long. */
  public XPendingOptions idle(Duration minIdle) {
    if (Objects.requireNonNull(minIdle, "minIdle").isNegative()) {
      throw new IllegalArgumentException("XPENDING IDLE must not be negative, got " + minIdle);
    }
    return new XPendingOptions(start, end, count, minIdle, consumer);
  }

  /** Only entries delivered to {@code consumer}. */
  public XPendingOptions consumer(String consumer) {
    return new XPendingOptions(start, end, count, idle, Objects.requireNonNull(consumer, "consumer"));
  }

  /** The lowest id. */
  public String start() {
    return start;
  }

  /** The highest id. */
  public String end() {
    return end;
  }

  /** The most entries returned. */
  public long count() {
    return count;
  }

  /** The minimum idle time, or null. */
  public @Nullable Duration minIdle() {
    return idle;
  }

  /** The consumer, or null for all. */
  public @Nullable String consumerName() {
    return consumer;
  }

  @Override
  public String toString() {
    return "XPendingOptions[" + start + ".." + end + ", count=" + count + ", idle=" + idle + ", consumer="
        + consumer + "]";
  }
}
