package dev.respite.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a key expires, as {@code SET} and {@code GETEX} take it: {@code EX}, {@code PX}, {@code EXAT},
 * {@code PXAT}, {@code KEEPTTL} (SET only) or {@code PERSIST} (GETEX only). Immutable.
 */
public final class Expiration {
  /** The keyword sent. */
  public enum Kind { EX, PX, EXAT, PXAT, KEEPTTL, PERSIST }

  private final Kind kind;
  private final long amount;

  private Expiration(Kind kind, long amount) {
    this.kind = kind;
    this.amount = amount;
  }

  /** {@code EX seconds}: the time to live, in whole seconds. */
  public static Expiration ex(Duration ttl) {
    return new Expiration(Kind.EX, positive(ttl).getSeconds());
  }

  /** {@code PX milliseconds}: the time to live, in milliseconds. */
  public static Expiration px(Duration ttl) {
    return new Expiration(Kind.PX, positive(ttl).toMillis());
  }

  /** {@code EXAT unix-seconds}. */
  public static Expiration exAt(Instant at) {
    return new Expiration(Kind.EXAT, Objects.requireNonNull(at, "at").getEpochSecond());
  }

  /** {@code PXAT unix-milliseconds}. */
  public static Expiration pxAt(Instant at) {
    return new Expiration(Kind.PXAT, Objects.requireNonNull(at, "at").toEpochMilli());
  }

  /** {@code KEEPTTL}: {@code SET} keeps the key's current time to live. */
  public static Expiration keepTtl() {
    return new Expiration(Kind.KEEPTTL, 0);
  }

  /** {@code PERSIST}: {@code GETEX} removes the time to live. */
  public static Expiration persist() {
    return new Expiration(Kind.PERSIST, 0);
  }

  /** The keyword. */
  public Kind kind() {
    return kind;
  }

  /** The number sent after the keyword; 0 for {@code KEEPTTL} and {@code PERSIST}. */
  public long amount() {
    return amount;
  }

  private static Duration positive(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("An expiration must be positive, got " + ttl);
    }
    return ttl;
  }

  @Override
  public String toString() {
    return kind + (kind == Kind.KEEPTTL || kind == Kind.PERSIST ? "" : " " + amount);
  }
}
