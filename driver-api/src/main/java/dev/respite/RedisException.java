package dev.respite;

import org.jspecify.annotations.Nullable;

/** The root of every exception Respite throws. Unchecked, like every exception of this API. */
public class RedisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public RedisException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public RedisException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
