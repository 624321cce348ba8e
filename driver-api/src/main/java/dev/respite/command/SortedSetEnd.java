package dev.respite.command;

/** Which end of a sorted set {@code ZMPOP} and {@code BZMPOP} pop from. */
public enum SortedSetEnd {
  /** The lowest scores. */
  MIN,
  /** The highest scores. */
  MAX
}
