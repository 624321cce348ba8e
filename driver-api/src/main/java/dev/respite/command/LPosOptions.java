package dev.respite.command;

/**
 * The optional arguments of {@code LPOS}: {@code RANK rank} and {@code MAXLEN len}. Immutable:
 * {@code LPosOptions.rank(-1).maxLen(1000)} (the last match, among the last 1000 elements).
 */
public final class LPosOptions {
  private static final LPosOptions NONE = new LPosOptions(0, 0);

  private final long rank;
  private final long maxLen;

  private LPosOptions(long rank, long maxLen) {
    this.rank = rank;
    this.maxLen = maxLen;
  }

  /** No option. */
  public static LPosOptions none() {
    return NONE;
  }

  /** {@code RANK rank}: skip the first {@code rank - 1} matches; negative ranks count from the tail. */
  public static LPosOptions rank(long rank) {
    return NONE.withRank(rank);
  }

  /** These options with {@code RANK rank}. */
  public LPosOptions withRank(long rank) {
    if (rank == 0) {
      throw new IllegalArgumentException("LPOS RANK must not be 0: 1 is the first match, -1 the last");
    }
    return new LPosOptions(rank, maxLen);
  }

  /** {@code MAXLEN len}: compare at most {@code len} elements (0: all). */
  public LPosOptions maxLen(long len) {
    if (len < 0) {
      throw new IllegalArgumentException("LPOS MAXLEN must not be negative, got " + len);
    }
    return new LPosOptions(rank, len);
  }

  /** The rank, or 0 for none. */
  public long rankValue() {
    return rank;
  }

  /** The maximum length, or 0 for none. */
  public long maxLenValue() {
    return maxLen;
  }

  @Override
  public String toString() {
    return "LPosOptions[rank=" + rank + ", maxLen=" + maxLen + "]";
  }
}
