package dev.respite;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reply from the server, as returned by {@link RedisSession#execute(String, Object...)}.
 *
 * <p>A reply is immutable and fully read: it holds no connection. The {@code as...} methods convert where
 * the conversion is lossless and throw {@link RedisException} naming both types where it is not; check
 * {@link #type()} or {@link #isNull()} first when the shape is not known.
 */
public interface Reply {

  /** The RESP type the server sent. */
  ReplyType type();

  /** Whether this is a null reply ({@code $-1}, {@code *-1} or RESP3 {@code _}). */
  boolean isNull();

  /**
   * The value as UTF-8 text: strings as sent, numbers and booleans in their RESP text form, an error's
   * whole line. Null for a null reply.
   *
   * @throws RedisException for an aggregate
   */
  @Nullable String asString();

  /**
   * The value's bytes: strings exactly as sent (binary-safe), other scalars as their UTF-8 text. Null for a
   * null reply. The array is a copy the caller may keep or change.
   *
   * @throws RedisException for an aggregate
   */
  byte @Nullable [] asBytes();

  /**
   * The value as a {@code long}: an integer, a big number that fits, or a string holding a decimal integer
   * (as {@code INCRBY} on some servers or {@code GET} of a counter sends).
   *
   * @throws RedisException for any other reply, including null
   */
  long asLong();

  /**
   * The value as a {@code double}: a double, an integer, or a string holding a number ({@code ZSCORE}
   * in RESP2), including {@code inf} and {@code -inf}.
   *
   * @throws RedisException for any other reply, including null
   */
  double asDouble();

  /**
   * The value as a boolean: a RESP3 boolean, or an integer 1 or 0 as RESP2 sends them.
   *
   * @throws RedisException for any other reply
   */
  boolean asBoolean();

  /**
   * The elements of an array, set or push, in the order sent; a map's keys and values alternating. An
   * empty list for a null reply, so that "no result" needs no special case.
   *
   * @throws RedisException for a scalar
   */
  List<Reply> asList();

  /**
   * The entries of a map, or of an array of alternating keys and values as RESP2 sends them for
   * {@code HGETALL} or {@code CONFIG GET}, keyed by their text, in the order sent. Empty for a null reply.
   *
   * @throws RedisException for a scalar or an array of odd length
   */
  Map<String, Reply> asMap();
}
