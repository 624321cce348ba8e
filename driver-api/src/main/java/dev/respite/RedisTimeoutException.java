package dev.respite;

import org.jspecify.annotations.Nullable;

/**
 * A reply did not arrive within the socket timeout.
 *
 * <p>The server may still execute the command and send a late reply, so the connection is destroyed:
 * that reply can never reach another command.
 */
public class RedisTimeoutException extends RedisException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and its cause. */
  public RedisTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
