package dev.respite.command;

/** How {@code FLUSHALL}, {@code FLUSHDB}, {@code SCRIPT FLUSH} and {@code FUNCTION FLUSH} free memory. */
public enum FlushMode {
  /** In the background: the command returns at once. */
  ASYNC,
  /** Before the command returns. */
  SYNC
}
