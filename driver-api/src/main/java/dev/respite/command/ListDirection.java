package dev.respite.command;

/** An end of a list, as {@code LMOVE} and {@code BLMOVE} take it. */
public enum ListDirection {
  /** The head. */
  LEFT,
  /** The tail. */
  RIGHT
}
