package dev.respite.command;

/** The unit of the range of {@code BITCOUNT} and {@code BITPOS}. */
public enum BitUnit {
  /** Offsets count bytes (the default). */
  BYTE,
  /** Offsets count bits (Redis 7+). */
  BIT
}
