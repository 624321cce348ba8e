package dev.respite.command;

import org.jspecify.annotations.Nullable;

/** The optional arguments of {@code GEOADD}: {@code NX}/{@code XX} and {@code CH}. Immutable: {@code GeoAddOptions.xx().ch()}. */
public final class GeoAddOptions {
  private static final GeoAddOptions NONE = new GeoAddOptions(null, false);

  private final @Nullable String existence;
  private final boolean changed;

  private GeoAddOptions(@Nullable String existence, boolean changed) {
    this.existence = existence;
    this.changed = changed;
  }

  /** No option. */
  public static GeoAddOptions none() {
    return NONE;
  }

  /** {@code NX}: only add new members. */
  public static GeoAddOptions nx() {
    return new GeoAddOptions("NX", false);
  }

  /** {@code XX}: only move existing members. */
  public static GeoAddOptions xx() {
    return new GeoAddOptions("XX", false);
  }

  /** {@code CH}: count moved members as well as added ones. */
  public GeoAddOptions ch() {
    return new GeoAddOptions(existence, true);
  }

  /** {@code NX}, {@code XX} or null. */
  public @Nullable String existence() {
    return existence;
  }

  /** Whether {@code CH} is sent. */
  public boolean isChanged() {
    return changed;
  }

  @Override
  public String toString() {
    return "GeoAddOptions[" + (existence == null ? "" : existence) + (changed ? " CH" : "") + "]";
  }
}
