package dev.respite.command;

import org.jspecify.annotations.Nullable;

/**
 * A range of sorted-set members by their bytes, for members that all have the same score
 * ({@code ZRANGE ... BYLEX}, {@code ZLEXCOUNT}): each bound inclusive ({@code [a}), exclusive ({@code (a})
 * or unbounded ({@code -}, {@code +}). Immutable.
 *
 * @param <V> the member type
 */
public final class LexRange<V> {
  private final @Nullable V min;
  private final boolean minInclusive;
  private final @Nullable V max;
  private final boolean maxInclusive;

  private LexRange(@Nullable V min, boolean minInclusive, @Nullable V max, boolean maxInclusive) {
    this.min = min;
    this.minInclusive = minInclusive;
    this.max = max;
    this.maxInclusive = maxInclusive;
  }

  /** Every member. */
  public static <V> LexRange<V> all() {
    return new LexRange<>(null, true, null, true);
  }

  /** {@code [min} to {@code [max}. */
  public static <V> LexRange<V> closed(V min, V max) {
    return new LexRange<>(min, true, max, true);
  }

  /** {@code (min} to {@code (max}. */
  public static <V> LexRange<V> open(V min, V max) {
    return new LexRange<>(min, false, max, false);
  }

  /** {@code [min} to {@code +}. */
  public static <V> LexRange<V> atLeast(V min) {
    return new LexRange<>(min, true, null, true);
  }

  /** {@code -} to {@code [max}. */
  public static <V> LexRange<V> atMost(V max) {
    return new LexRange<>(null, true, max, true);
  }

  /** The lower bound, or null for {@code -}. */
  public @Nullable V min() {
    return min;
  }

  /** Whether the lower bound is inclusive. */
  public boolean minInclusive() {
    return minInclusive;
  }

  /** The upper bound, or null for {@code +}. */
  public @Nullable V max() {
    return max;
  }

  /** Whether the upper bound is inclusive. */
  public boolean maxInclusive() {
    return maxInclusive;
  }
}
