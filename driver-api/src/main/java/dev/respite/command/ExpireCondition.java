package dev.respite.command;

/** The condition of {@code EXPIRE}, {@code PEXPIRE}, {@code EXPIREAT} and {@code PEXPIREAT} (Redis 7.0). */
public enum ExpireCondition {
  /** Only if the key has no expiry. */
  NX,
  /** Only if the key has an expiry. */
  XX,
  /** Only if the new expiry is later than the current one. */
  GT,
  /** Only if the new expiry is earlier than the current one. */
  LT
}
