package dev.respite.command;

/** How {@code BITFIELD}'s {@code SET} and {@code INCRBY} treat an overflow ({@code OVERFLOW ...}). */
public enum BitFieldOverflow {
  /** Wrap around (the default). */
  WRAP,
  /** Saturate at the type's minimum or maximum. */
  SAT,
  /** Do nothing and reply null for that operation. */
  FAIL
}
