package dev.respite.command;

/** The operation of {@code BITOP}. */
public enum BitOperation {
  /** Bitwise and of the sources. */
  AND,
  /** Bitwise or of the sources. */
  OR,
  /** Bitwise exclusive or of the sources. */
  XOR,
  /** Bitwise negation of the one source. */
  NOT
}
