package dev.respite.command;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ZRANGE} and {@code ZRANGESTORE} select: ranks, a {@link ScoreRange} ({@code BYSCORE}) or a
 * {@link LexRange} ({@code BYLEX}), optionally reversed ({@code REV}) and paged ({@code LIMIT}). Immutable:
 * {@code ZRange.byScore(ScoreRange.atLeast(10)).reverse().limit(0, 20)}.
 *
 * @param <V> the member type
 */
public final class ZRange<V> {
  /** How the range is given. */
  public enum By { RANK, SCORE, LEX }

  private final By by;
  private final long start;
  private final long stop;
  private final @Nullable ScoreRange scores;
  private final @Nullable LexRange<V> lex;
  private final boolean reverse;
  private final long offset;
  private final long count;

  private ZRange(By by, long start, long stop, @Nullable ScoreRange scores, @Nullable LexRange<V> lex,
      boolean reverse, long offset, long count) {
    this.by = by;
    this.start = start;
    this.stop = stop;
    this.scores = scores;
    this.lex = lex;
    this.reverse = reverse;
    this.offset = offset;
    this.count = count;
  }

  /**
   * Ranks {@code start} to {@code stop}, both inclusive; negative ranks count from the end. Typed
   * {@code Object} because it holds no member: it fits every {@code ZRange<? super V>} parameter.
   */
  public static ZRange<Object> byRank(long start, long stop) {
    return new ZRange<>(By.RANK, start, stop, null, null, false, 0, -1);
  }

  /** {@code BYSCORE}; typed {@code Object} because it holds no member. */
  public static ZRange<Object> byScore(ScoreRange range) {
    return new ZRange<>(By.SCORE, 0, 0, Objects.requireNonNull(range, "range"), null, false, 0, -1);
  }

  /** {@code BYLEX}. */
  public static <V> ZRange<V> byLex(LexRange<V> range) {
    return new ZRange<>(By.LEX, 0, 0, null, Objects.requireNonNull(range, "range"), false, 0, -1);
  }

  /** {@code REV}: highest first. For scores and lex, the bounds are still given low to high. */
  public ZRange<V> reverse() {
    return new ZRange<>(by, start, stop, scores, lex, true, offset, count);
  }

  /**
   * {@code LIMIT offset count}; only with {@code BYSCORE} or {@code BYLEX}.
   *
   * @throws IllegalArgumentException for a rank range
   */
  public ZRange<V> limit(long offset, long count) {
    if (by == By.RANK) {
      throw new IllegalArgumentException("LIMIT needs BYSCORE or BYLEX; a rank range is paged by its ranks");
    }
    return new ZRange<>(by, start, stop, scores, lex, reverse, offset, count);
  }

  /** How the range is given. */
  public By by() {
    return by;
  }

  /** The first rank, for {@link By#RANK}. */
  public long start() {
    return start;
  }

  /** The last rank, for {@link By#RANK}. */
  public long stop() {
    return stop;
  }

  /** The scores, for {@link By#SCORE}. */
  public @Nullable ScoreRange scores() {
    return scores;
  }

  /** The members, for {@link By#LEX}. */
  public @Nullable LexRange<V> lex() {
    return lex;
  }

  /** Whether {@code REV} is sent. */
  public boolean isReverse() {
    return reverse;
  }

  /** The {@code LIMIT} offset. */
  public long offset() {
    return offset;
  }

  /** The {@code LIMIT} count, or -1 for no {@code LIMIT}. */
  public long count() {
    return count;
  }
}
