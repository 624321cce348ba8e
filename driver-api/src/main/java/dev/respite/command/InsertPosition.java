package dev.respite.command;

/** Where {@code LINSERT} puts the element, relative to the pivot. */
public enum InsertPosition {
  /** Before the pivot. */
  BEFORE,
  /** After the pivot. */
  AFTER
}
