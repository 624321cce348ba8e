package dev.respite.command;

import org.jspecify.annotations.Nullable;

/** The optional arguments of {@code SCAN}-family commands: {@code MATCH}, {@code COUNT}, {@code TYPE}. */
public final class ScanOptions {
  private static final ScanOptions NONE = new ScanOptions(null, 0, null);

  private final @Nullable String pattern;
  private final long count;
  private final @Nullable String type;

  private ScanOptions(@Nullable String pattern, long count, @Nullable String type) {
    this.pattern = pattern;
    this.count = count;
    this.type = type;
  }

  /** No option. */
  public static ScanOptions none() {
    return NONE;
  }

  /** {@code MATCH pattern}, a glob-style pattern. */
  public static ScanOptions match(String pattern) {
    return NONE.withMatch(pattern);
  }

  /** These options with {@code MATCH pattern}. */
  public ScanOptions withMatch(String pattern) {
    return new ScanOptions(pattern, count, type);
  }

  /** {@code COUNT hint}: how much work each call does; a hint, not a page size. */
  public ScanOptions count(long hint) {
    if (hint < 1) {
      throw new IllegalArgumentException("COUNT must be positive, got " + hint);
    }
    return new ScanOptions(pattern, hint, type);
  }

  /** {@code TYPE type} ({@code string}, {@code hash}, ...); {@code SCAN} only. */
  public ScanOptions type(String type) {
    return new ScanOptions(pattern, count, type);
  }

  /** The pattern, or null. */
  public @Nullable String pattern() {
    return pattern;
  }

  /** The count hint, or 0 for the server's default. */
  public long count() {
    return count;
  }

  /** The type, or null. */
  public @Nullable String type() {
    return type;
  }
}
