package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * The one place that decides whether a failed command leaves its connection usable, and turns the failure
 * into the exception the caller sees. Only a reply read whole (an error reply, or one of an unexpected
 * type) keeps the connection; timeouts, I/O and protocol errors destroy it, because a late or partial reply
 * could otherwise reach the next command.
 */
public final class FailureClassifier {
  private FailureClassifier() {}

  /**
   * Classifies a failure of {@code command} on {@code connection}, marking the connection broken unless
   * it is still in step with the server.
   */
  public static RuntimeException classify(RedisConnection connection, String command, Throwable failure) {
    if (keepsConnection(connection, failure)) {
      return (RuntimeException) failure;
    }
    connection.markBroken();
    connection.brokenBy(failure);
    if (failure instanceof SocketTimeoutException) {
      return new RedisTimeoutException("No reply to " + command + " from " + connection.address() + " within "
          + connection.socketTimeoutMillis() + " ms (socketTimeout); the connection was closed", failure);
    }
    if (failure instanceof IOException) {
      return new RedisConnectionException(
          command + " failed on the connection to " + connection.address() + ": " + describe(failure), failure);
    }
    if (failure instanceof RedisException) {
      return (RedisException) failure;
    }
    return new RedisException("Unexpected failure during " + command + " on the connection to "
        + connection.address() + "; the connection was closed", failure);
  }

  static RedisConnectionException connectFailed(RedisConfig config, Throwable failure) {
    String target = config.host() + ":" + config.port();
    String why = failure instanceof SocketTimeoutException
        ? "no answer within " + config.connectTimeout().toMillis() + " ms (connectTimeout)"
        : describe(failure);
    return new RedisConnectionException("Could not connect to Redis at " + target + ": " + why, failure);
  }

  /** Whether {@code failure} was an answer read whole (an error reply), which leaves the connection usable. */
  private static boolean keepsConnection(RedisConnection connection, Throwable failure) {
    return failure instanceof RedisException && !leavesStreamInDoubt(failure) && !connection.isBroken()
        && connection.unreadReplies() == 0;
  }

  /**
   * Whether {@code failure} leaves the position in the reply stream unknown: a timeout, an I/O or a protocol
   * error. Anything else was thrown after a reply was read whole (an error reply, a reply of another shape).
   */
  public static boolean leavesStreamInDoubt(Throwable failure) {
    return failure instanceof IOException || failure instanceof RedisProtocolException
        || failure instanceof RedisConnectionException || failure instanceof RedisTimeoutException;
  }

  private static String describe(Throwable failure) {
    if (failure instanceof EOFException) {
      return "the server closed the connection";
    }
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
