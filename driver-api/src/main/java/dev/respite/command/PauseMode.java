package dev.respite.command;

/** What {@code CLIENT PAUSE} holds back. */
public enum PauseMode {
  /** Commands that may write; reads go on. */
  WRITE,
  /** Every command of every client, {@code CLIENT UNPAUSE} included, until the pause ends. */
  ALL
}
