package dev.respite;

/**
 * The server sent bytes that are not valid RESP, or that exceed a configured limit.
 *
 * <p>The connection's position in the reply stream is unknown afterwards, so it is destroyed.
 */
public class RedisProtocolException extends RedisException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message saying what was wrong with the bytes. */
  public RedisProtocolException(String message) {
    super(message);
  }
}
