package dev.respite.command;

/**
 * A range of sorted-set scores, sent as Redis writes them ({@code 1}, {@code (1}, {@code -inf}, {@code +inf}).
 * Immutable.
 */
public final class ScoreRange {
  private final String min;
  private final String max;

  private ScoreRange(String min, String max) {
    this.min = min;
    this.max = max;
  }

  /** {@code min <= score <= max}. */
  public static ScoreRange closed(double min, double max) {
    return new ScoreRange(text(min), text(max));
  }

  /** {@code min < score < max}. */
  public static ScoreRange open(double min, double max) {
    return new ScoreRange("(" + text(min), "(" + text(max));
  }

  /** {@code score >= min}. */
  public static ScoreRange atLeast(double min) {
    return new ScoreRange(text(min), "+inf");
  }

  /** {@code score <= max}. */
  public static ScoreRange atMost(double max) {
    return new ScoreRange("-inf", text(max));
  }

  /** Every score. */
  public static ScoreRange all() {
    return new ScoreRange("-inf", "+inf");
  }

  /** The lower bound as sent. */
  public String min() {
    return min;
  }

  /** The upper bound as sent. */
  public String max() {
    return max;
  }

  static String text(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("A score must not be NaN");
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+inf" : "-inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
