package dev.respite.impl.session;

import dev.respite.impl.connection.RedisConnection;
import java.io.IOException;

/**
 * Lets a blocking command ({@code BLPOP}, {@code XREAD BLOCK}, {@code WAIT}) wait on the server longer than
 * {@code socketTimeout}: the read timeout becomes the block time plus {@code socketTimeout} for that call,
 * so that a server which never answers is still detected, then goes back.
 */
final class BlockingTimeout {
  private BlockingTimeout() {}

  /**
   * Extends the read timeout for a command that may block {@code blockMillis} (0: forever; negative: not a
   * blocking command, nothing changes).
   *
   * @return whether the timeout was changed and must be restored
   */
  static boolean extend(RedisConnection c, long blockMillis) throws IOException {
    if (blockMillis < 0) {
      return false;
    }
    int base = c.socketTimeoutMillis();
    long extended = blockMillis == 0 || base == 0 ? 0 : Math.min(Integer.MAX_VALUE, base + blockMillis);
    c.readTimeout((int) extended);
    return true;
  }

  /** Puts the configured read timeout back; a connection whose socket refuses is destroyed later. */
  static void restore(RedisConnection c, boolean extended) {
    if (!extended) {
      return;
    }
    try {
      c.readTimeout(c.socketTimeoutMillis());
    } catch (IOException e) {
      c.markBroken();
    }
  }
}
