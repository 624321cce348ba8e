package dev.respite.impl.jfr;

import dev.respite.RedisConnectionException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.jspecify.annotations.Nullable;

/** The words JFR events use for how something ended; never an exception's message, which may hold a key. */
final class Outcome {
  static final String SUCCESS = "success";

  private Outcome() {}

  /** {@code success}, or the kind of failure: {@code server error}, {@code timeout}, {@code connection error}... */
  static String of(@Nullable Throwable failure) {
    if (failure == null) {
      return SUCCESS;
    }
    if (failure instanceof RedisServerException) {
      return "server error";
    }
    if (failure instanceof RedisTimeoutException || failure instanceof SocketTimeoutException) {
      return "timeout";
    }
    if (failure instanceof RedisProtocolException) {
      return "protocol error";
    }
    if (failure instanceof RedisConnectionException || failure instanceof IOException) {
      return "connection error";
    }
    return "client error";
  }

  /** The code of an error reply ({@code WRONGTYPE}...), else null. */
  static @Nullable String errorCode(@Nullable Throwable failure) {
    return failure instanceof RedisServerException ? ((RedisServerException) failure).code() : null;
  }
}
