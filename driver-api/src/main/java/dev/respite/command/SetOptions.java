package dev.respite.command;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of {@code SET}: an {@link Expiration} and a condition ({@code NX} or {@code XX}).
 * Immutable: {@code SetOptions.ex(Duration.ofMinutes(5)).nx()}.
 */
public final class SetOptions {
  private static final SetOptions NONE = new SetOptions(null, null);

  private final @Nullable Expiration expiration;
  private final @Nullable String condition;

  private SetOptions(@Nullable Expiration expiration, @Nullable String condition) {
    this.expiration = expiration;
    this.condition = condition;
  }

  /** No option: a plain {@code SET}. */
  public static SetOptions none() {
    return NONE;
  }

  /** {@code EX seconds}. */
  public static SetOptions ex(Duration ttl) {
    return NONE.expiration(Expiration.ex(ttl));
  }

  /** {@code PX milliseconds}. */
  public static SetOptions px(Duration ttl) {
    return NONE.expiration(Expiration.px(ttl));
  }

  /** {@code KEEPTTL}. */
  public static SetOptions keepTtl() {
    return NONE.expiration(Expiration.keepTtl());
  }

  /** These options with {@code expiration} instead of the current one. */
  public SetOptions expiration(Expiration expiration) {
    if (expiration.kind() == Expiration.Kind.PERSIST) {
      throw new IllegalArgumentException("SET takes no PERSIST; use KEEPTTL or no expiration");
    }
    return new SetOptions(expiration, condition);
  }

  /** {@code NX}: set only if the key does not exist. */
  public SetOptions nx() {
    return new SetOptions(expiration, "NX");
  }

  /** {@code XX}: set only if the key exists. */
  public SetOptions xx() {
    return new SetOptions(expiration, "XX");
  }

  /** The expiration, or null for none. */
  public @Nullable Expiration expiration() {
    return expiration;
  }

  /** {@code NX}, {@code XX} or null. */
  public @Nullable String condition() {
    return condition;
  }

  @Override
  public String toString() {
    return "SetOptions[" + (expiration == null ? "" : expiration) + (condition == null ? "" : " " + condition) + "]";
  }
}
