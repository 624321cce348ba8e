package dev.respite.command;

import org.jspecify.annotations.Nullable;

/**
 * The reply of a command queued in a {@link Pipeline} or {@link Transaction}, available once the queue was
 * sent ({@link Pipeline#sync()}, {@link Transaction#exec()}).
 *
 * @param <T> the reply's type, as the command's method returns it (boxed for primitives); nullable for
 *     commands whose reply can be null ({@code Response<String?>} from Kotlin for a {@code get})
 */
public interface Response<T extends @Nullable Object> {

  /**
   * The reply.
   *
   * @throws IllegalStateException if the queue was not sent yet
   * @throws dev.respite.RedisServerException if the server answered this command with an error
   * @throws dev.respite.RedisException if the command failed otherwise, or its transaction was aborted
   */
  T get();

  /** Whether the reply (or the failure) is known. */
  boolean isDone();
}
