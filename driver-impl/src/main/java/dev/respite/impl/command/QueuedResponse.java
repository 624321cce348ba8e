package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.command.Response;
import dev.respite.impl.protocol.RespReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A queued command and, once its reply was read, its value or failure. Used by one thread.
 *
 * @param <T> the decoded reply's type
 */
public final class QueuedResponse<T extends @Nullable Object> implements Response<T> {
  private final Command<T> command;
  /** For {@code queueVoid}: the reply is checked but its value is null, as a {@code Response<Void>} holds. */
  private boolean discardsValue;
  private boolean done;
  private @Nullable T value;
  private @Nullable RuntimeException failure;

  QueuedResponse(Command<T> command) {
    this.command = command;
  }

  /**
   * A response of its own for {@code command}, for a router that sends a caller's queued command as part of
   * another batch and hands the outcome on with {@link #completeFrom}.
   */
  public static <T extends @Nullable Object> QueuedResponse<T> of(Command<T> command) {
    return new QueuedResponse<>(command);
  }

  /** Takes the outcome of {@code other}, a response of the same command; nothing if this one is done. */
  public void completeFrom(QueuedResponse<T> other) {
    if (done || !other.done) {
      return;
    }
    RuntimeException cause = other.failure;
    if (cause != null) {
      fail(cause);
    } else {
      complete(other.value);
    }
  }

  /** Completes with {@code decoded} (null for a {@code queueVoid} response), unless already done. */
  public void complete(@Nullable T decoded) {
    if (!done) {
      value = discardsValue ? null : decoded;
      done = true;
    }
  }

  /** The failure, or null if the response has none (yet). */
  public @Nullable RuntimeException failure() {
    return failure;
  }

  /** Makes this the response of a method that returns nothing: its value is null once the reply is read. */
  void discardValue() {
    discardsValue = true;
  }

  /** The command. */
  public Command<T> command() {
    return command;
  }

  /** Reads and decodes the reply from the connection. */
  public void read(RespReader reader) throws IOException {
    T decoded = command.decoder().read(reader);
    value = discardsValue ? null : decoded;
    done = true;
  }

  /** Decodes a reply already read (an element of {@code EXEC}'s reply). */
  public void decode(Reply reply) {
    try {
      T decoded = command.decoder().decode(reply);
      value = discardsValue ? null : decoded;
      done = true;
    } catch (RuntimeException e) {
      fail(e instanceof RedisException ? e
          : new RedisException("Could not decode the reply to " + command.name() + ": " + e, e));
    }
  }

  /** Fails the response, unless it already has an outcome. */
  public void fail(RuntimeException failure) {
    if (!done) {
      this.failure = failure;
      done = true;
    }
  }

  @Override
  @SuppressWarnings("NullAway") // done without a failure: value holds the decoded reply, null only if T is nullable
  public T get() {
    if (!done) {
      throw new IllegalStateException("The reply to " + command.name() + " is not known yet: call sync() or exec()");
    }
    RuntimeException cause = failure;
    if (cause != null) {
      throw cause;
    }
    return value;
  }

  @Override
  public boolean isDone() {
    return done;
  }

  @Override
  public String toString() {
    return "Response[" + command.name() + (done ? failure == null ? ", done" : ", failed" : ", pending") + "]";
  }
}
