package dev.respite.command;

import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code ZADD}: {@code NX}/{@code XX}, {@code GT}/{@code LT} and {@code CH}.
 * Immutable: {@code ZAddOptions.xx().gt().ch()}.
 */
public final class ZAddOptions {
  private static final ZAddOptions NONE = new ZAddOptions(null, null, false);

  private final @Nullable String existence;
  private final @Nullable String comparison;
  private final boolean changed;

  private ZAddOptions(@Nullable String existence, @Nullable String comparison, boolean changed) {
    this.existence = existence;
    this.comparison = comparison;
    this.changed = changed;
  }

  /** No option. */
  public static ZAddOptions none() {
    return NONE;
  }

  /** {@code NX}: only add new members. */
  public static ZAddOptions nx() {
    return new ZAddOptions("NX", null, false);
  }

  /** {@code XX}: only update existing members. */
  public static ZAddOptions xx() {
    return new ZAddOptions("XX", null, false);
  }

  /** {@code GT}: only update a score to a greater one. */
  public ZAddOptions gt() {
    return new ZAddOptions(existence, "GT", changed);
  }

  /** {@code LT}: only update a score to a lower one. */
  public ZAddOptions lt() {
    return new ZAddOptions(existence, "LT", changed);
  }

  /** {@code CH}: count changed members, not only added ones. */
  public ZAddOptions ch() {
    return new ZAddOptions(existence, comparison, true);
  }

  /** {@code NX}, {@code XX} or null. */
  public @Nullable String existence() {
    return existence;
  }

  /** {@code GT}, {@code LT} or null. */
  public @Nullable String comparison() {
    return comparison;
  }

  /** Whether {@code CH} is sent. */
  public boolean isChanged() {
    return changed;
  }
}
