package dev.respite.command;

import java.util.Objects;

/**
 * How {@code XADD} and {@code XTRIM} trim a stream: {@code MAXLEN} or {@code MINID}, exactly ({@code =}) or
 * approximately ({@code ~}, cheaper). Immutable: {@code StreamTrim.maxLen(1000).approximate()}.
 */
public final class StreamTrim {
  private final String strategy;
  private final String threshold;
  private final boolean approximate;

  private StreamTrim(String strategy, String threshold, boolean approximate) {
    this.strategy = strategy;
    this.threshold = threshold;
    this.approximate = approximate;
  }

  /** {@code MAXLEN = length}: keep the newest {@code length} entries. */
  public static StreamTrim maxLen(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("MAXLEN must not be negative, got " + length);
    }
    return new StreamTrim("MAXLEN", Long.toString(length), false);
  }

  /** {@code MINID = id}: drop entries with a lower id. */
  public static StreamTrim minId(String id) {
    return new StreamTrim("MINID", Objects.requireNonNull(id, "id"), false);
  }

  /** {@code ~}: trim only whole nodes, which is much cheaper. */
  public StreamTrim approximate() {
    return new StreamTrim(strategy, threshold, true);
  }

  /** {@code MAXLEN} or {@code MINID}. */
  public String strategy() {
    return strategy;
  }

  /** The length or id. */
  public String threshold() {
    return threshold;
  }

  /** Whether {@code ~} is sent. */
  public boolean isApproximate() {
    return approximate;
  }
}
