package dev.respite;

/**
 * The server answered with an error reply, such as {@code WRONGTYPE Operation against a key holding the
 * wrong kind of value}.
 *
 * <p>The reply was read whole, so the session stays usable.
 */
public class RedisServerException extends RedisException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String serverMessage;

  /**
   * An exception for one error reply.
   *
   * @param serverMessage the error line as the server sent it, without the leading {@code -}
   */
  public RedisServerException(String serverMessage) {
    super(serverMessage);
    this.serverMessage = serverMessage;
    this.code = codeOf(serverMessage);
  }

  /**
   * The error's code: the first word of the reply, such as {@code ERR}, {@code WRONGTYPE}, {@code NOAUTH},
   * {@code WRONGPASS}, {@code MOVED} or {@code NOSCRIPT}.
   */
  public String code() {
    return code;
  }

  /** The error line exactly as the server sent it. */
  public String serverMessage() {
    return serverMessage;
  }

  private static String codeOf(String line) {
    int space = line.indexOf(' ');
    String first = space < 0 ? line : line.substring(0, space);
    return first.isEmpty() ? "ERR" : first;
  }
}
