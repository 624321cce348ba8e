package dev.respite.command;

/** What {@code FUNCTION RESTORE} does with the libraries already loaded. */
public enum FunctionRestorePolicy {
  /** Adds the restored libraries; fails if a name is taken (the default). */
  APPEND,
  /** Replaces libraries of the same name. */
  REPLACE,
  /** Deletes every library first. */
  FLUSH
}
