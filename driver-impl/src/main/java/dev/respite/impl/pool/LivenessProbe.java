package dev.respite.impl.pool;

import dev.respite.impl.command.Commands;
import dev.respite.impl.connection.RedisConnection;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a connection can be lent, at the least cost: plain TCP needs no round trip (a
 * non-blocking read sees a server's close or a stray reply); TLS is trusted when the kernel holds no bytes
 * for it and it was used within {@link #TLS_QUIET_WINDOW_NANOS}, and must otherwise answer a {@code PING},
 * which lets the TLS layer consume what is not application data (a close_notify, a late session ticket). A
 * TLS connection closed within that window without a close_notify is found by its first command instead.
 */
final class LivenessProbe {
  /** Idle time after which a TLS connection is checked with a PING before it is lent again. */
  static final long TLS_QUIET_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private LivenessProbe() {}

  /** Whether {@code entry} is in step and its server has neither closed it nor sent bytes nobody asked for. */
  static boolean isAlive(PoolEntry entry) {
    return entry.isInStep() && answers(entry, true);
  }

  /**
   * Whether the server still answers, as cheaply as the transport allows; {@code afterIdle} counts the time
   * since the connection was last used against TLS' quiet window.
   */
  static boolean answers(PoolEntry entry, boolean afterIdle) {
    RedisConnection connection = entry.connection();
    boolean quiet = connection.isQuiet();
    if (!connection.isTls()) {
      return quiet;
    }
    if (quiet && (!afterIdle || System.nanoTime() - entry.idleSinceNanos() < TLS_QUIET_WINDOW_NANOS)) {
      return true;
    }
    try {
      boolean pong = "PONG".equals(connection.call(Commands.PING));
      entry.idleSince(System.nanoTime());
      return pong && connection.isInStep();
    } catch (IOException | RuntimeException e) {
      connection.markBroken(); // out of step with the server now; the caller records why it is destroyed
      return false;
    }
  }
}
