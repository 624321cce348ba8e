package dev.respite.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code SORT} and {@code SORT_RO}: {@code BY pattern}, {@code LIMIT offset count},
 * {@code GET pattern...}, {@code ASC|DESC} and {@code ALPHA}. Immutable:
 * {@code SortOptions.none().by("weight_*").get("#").get("name_*").limit(0, 10).descending().alpha()}.
 * Patterns are key patterns with one {@code *}, {@code hash->field} for a hash field, {@code #} for the
 * element itself, or {@code nosort} (for {@code BY}) to skip sorting.
 */
public final class SortOptions {
  private static final SortOptions NONE = new SortOptions(null, -1, -1, List.of(), false, false);

  private final @Nullable String by;
  private final long offset;
  private final long count;
  private final List<String> get;
  private final boolean descending;
  private final boolean alpha;

  private SortOptions(@Nullable String by, long offset, long count, List<String> get, boolean descending,
      boolean alpha) {
    this.by = by;
    this.offset = offset;
    this.count = count;
    this.get = get;
    this.descending = descending;
    this.alpha = alpha;
  }

  /** No option: the elements as numbers, ascending. */
  public static SortOptions none() {
    return NONE;
  }

  /** {@code BY pattern}: sort by the values of the keys the pattern names ({@code nosort}: do not sort). */
  public SortOptions by(String pattern) {
    return new SortOptions(checkPattern("BY", pattern), offset, count, get, descending, alpha);
  }

  /** {@code LIMIT offset count}: a page of the sorted elements. */
  public SortOptions limit(long offset, long count) {
    if (offset < 0 || count < 0) {
      throw new IllegalArgumentException("SORT LIMIT needs a non-negative offset and count, got " + offset
          + " and " + count);
    }
    return new SortOptions(by, offset, count, get, descending, alpha);
  }

  /** Adds {@code GET pattern}: returns the value the pattern names instead of (or, with {@code #}, besides) the element. */
  public SortOptions get(String pattern) {
    List<String> patterns = new ArrayList<>(get);
    patterns.add(checkPattern("GET", pattern));
    return new SortOptions(by, offset, count, Collections.unmodifiableList(patterns), descending, alpha);
  }

  /** {@code DESC}: largest first. */
  public SortOptions descending() {
    return new SortOptions(by, offset, count, get, true, alpha);
  }

  /** {@code ASC} (the default): smallest first. */
  public SortOptions ascending() {
    return new SortOptions(by, offset, count, get, false, alpha);
  }

  /** {@code ALPHA}: compare as text rather than as numbers. */
  public SortOptions alpha() {
    return new SortOptions(by, offset, count, get, descending, true);
  }

  /** The {@code BY} pattern, or null. */
  public @Nullable String byPattern() {
    return by;
  }

  /** The {@code LIMIT} offset, or -1 for no limit. */
  public long offset() {
    return offset;
  }

  /** The {@code LIMIT} count, or -1 for no limit. */
  public long count() {
    return count;
  }

  /** The {@code GET} patterns, in order. */
  public List<String> getPatterns() {
    return get;
  }

  /** Whether {@code DESC} is sent. */
  public boolean isDescending() {
    return descending;
  }

  /** Whether {@code ALPHA} is sent. */
  public boolean isAlpha() {
    return alpha;
  }

  private static String checkPattern(String option, String pattern) {
    Objects.requireNonNull(pattern, option + " pattern");
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("SORT " + option + " pattern must not be empty");
    }
    return pattern;
  }

  @Override
  public String toString() {
    return "SortOptions[by=" + by + ", limit=" + offset + "," + count + ", get=" + get
        + (descending ? ", DESC" : "") + (alpha ? ", ALPHA" : "") + "]";
  }
}
