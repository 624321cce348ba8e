package dev.respite.impl.pubsub;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@code PING} sent after one or more commands on the subscriber connection. The server answers in
 * order, so its {@code PONG} means every command before it was processed; an error reply that arrives
 * before the {@code PONG} belongs to those commands. This avoids counting per-channel confirmations, whose
 * number {@code UNSUBSCRIBE} without arguments does not tell in advance.
 */
final class Confirmation {
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  // Written and read by the reader thread only.
  private @Nullable RedisServerException error;

  /** Records an error reply to one of the confirmed commands; the first one wins. */
  void refused(RedisServerException e) {
    if (error == null) {
      error = e;
    }
  }

  /** The {@code PONG} arrived: completes, exceptionally if an error came before it. */
  void reached() {
    if (error != null) {
      done.completeExceptionally(error);
    } else {
      done.complete(null);
    }
  }

  /** The commands will never be confirmed (the subscriber was closed). */
  void fail(RedisException e) {
    done.completeExceptionally(e);
  }

  /** Completes with the same outcome as {@code other}, when it completes. */
  void follow(Confirmation other) {
    other.done.whenComplete((ok, failure) -> {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(null);
      }
    });
  }

  /** Runs {@code action} once the outcome is known, with the failure or null. */
  void whenDone(Consumer<@Nullable Throwable> action) {
    done.whenComplete((ok, failure) -> action.accept(failure));
  }

  /**
   * Waits for the outcome.
   *
   * @throws RedisServerException if the server refused a command
   * @throws RedisTimeoutException if no outcome came within {@code millis}
   * @throws RedisException if the subscriber was closed, or the waiting thread interrupted
   */
  void await(long millis, String what) {
    try {
      done.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RedisTimeoutException(what + " was not confirmed within " + millis + " ms (socketTimeout); it"
          + " stays in effect and is applied when the server answers", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RedisException ? (RedisException) cause
          : new RedisException(what + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException("Interrupted while waiting for " + what + " to be confirmed", e);
    }
  }
}
