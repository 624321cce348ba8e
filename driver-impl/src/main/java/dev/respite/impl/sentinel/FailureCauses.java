package dev.respite.impl.sentinel;

import dev.respite.RedisConnectionException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import org.jspecify.annotations.Nullable;

/**
 * Which failures of a command sent to the believed primary prove that it never ran there, and which make
 * the primary worth looking up again.
 */
final class FailureCauses {
  private FailureCauses() {}

  /**
   * The reason to look the primary up again if {@code failure} proves the command never ran: the server
   * refused it ({@code READONLY}: a demoted primary; {@code LOADING}; {@code MASTERDOWN}), or no connection
   * could be made. Null otherwise: the command may have run, and is never sent again.
   */
  static @Nullable RefreshCause neverRan(Throwable failure) {
    if (failure instanceof RedisServerException) {
      switch (((RedisServerException) failure).code()) {
        case "READONLY":
          return RefreshCause.READONLY;
        case "LOADING":
          return RefreshCause.LOADING;
        case "MASTERDOWN":
          return RefreshCause.MASTERDOWN;
        default:
          return null;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return RefreshCause.CONNECTION_FAILED; // refused before a byte of the command was written
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Whether {@code failure} lost the connection: the primary may be gone, worth asking about. */
  static boolean lostConnection(Throwable failure) {
    return failure instanceof RedisConnectionException || failure instanceof RedisTimeoutException;
  }
}
