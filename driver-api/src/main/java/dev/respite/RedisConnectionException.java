package dev.respite;

import org.jspecify.annotations.Nullable;

/**
 * A connection could not be made, or failed while in use (refused, reset, closed by the server).
 *
 * <p>The connection involved is destroyed, never returned to the pool; the next session gets a new one.
 */
public class RedisConnectionException extends RedisException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and its cause. */
  public RedisConnectionException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
