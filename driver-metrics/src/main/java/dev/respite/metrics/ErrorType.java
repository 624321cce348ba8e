package dev.respite.metrics;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;

/**
 * The {@code error.type} tag of a failed command: a short name from a small, fixed vocabulary, so that a
 * failure can never create a new time series per message.
 */
final class ErrorType {
  /** The value on success: Prometheus treats an empty label as absent, as OpenTelemetry asks. */
  static final String NONE = "";
  static final String TIMEOUT = "timeout";
  static final String CONNECTION = "connection";
  static final String PROTOCOL = "protocol";
  static final String POOL_EXHAUSTED = "pool_exhausted";
  /** An error reply whose first word is not a Redis-style code (upper case, digits, underscores). */
  static final String SERVER = "server";
  /** Any other {@link RedisException}, such as a closed session or a reply of an unexpected type. */
  static final String CLIENT = "client";
  /** Not a {@link RedisException}; OpenTelemetry's fallback value. */
  static final String OTHER = "_OTHER";

  private static final int MAX_CODE_LENGTH = 32;

  private ErrorType() {}

  /** The tag value for {@code failure}; allocates nothing. */
  static String of(Throwable failure) {
    if (failure instanceof RedisServerException) {
      String code = ((RedisServerException) failure).code();
      return isCode(code) ? code : SERVER;
    }
    if (failure instanceof RedisTimeoutException) {
      return TIMEOUT;
    }
    if (failure instanceof RedisConnectionException) {
      return CONNECTION;
    }
    if (failure instanceof RedisProtocolException) {
      return PROTOCOL;
    }
    if (failure instanceof RedisPoolExhaustedException) {
      return POOL_EXHAUSTED;
    }
    return failure instanceof RedisException ? CLIENT : OTHER;
  }

  /**
   * Whether the first word of an error reply looks like a code ({@code WRONGTYPE}, {@code NOSCRIPT},
   * {@code BUSYGROUP}...). A script can reply with any text; only code-like words become tag values.
   */
  static boolean isCode(String word) {
    int length = word.length();
    if (length == 0 || length > MAX_CODE_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = word.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
