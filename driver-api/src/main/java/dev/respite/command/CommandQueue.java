package dev.respite.command;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Commands queued to be sent together. Each call queues exactly one command, written with the same typed
 * methods a session has: {@code Response<Long> n = queue.queue(c -> c.incr("hits"))}. The lambda's return
 * value is a placeholder and must be ignored; the reply arrives in the returned {@link Response}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CommandQueue<K, V> {

  /**
   * Queues the one command {@code command} calls on the given view.
   *
   * @throws IllegalArgumentException if {@code command} called no command or more than one
   */
  <T extends @Nullable Object> Response<T> queue(Function<? super RedisCommands<K, V>, ? extends T> command);

  /**
   * Queues the one command {@code command} calls, for methods that return nothing ({@code set}).
   *
   * @throws IllegalArgumentException if {@code command} called no command or more than one
   */
  Response<@Nullable Void> queueVoid(Consumer<? super RedisCommands<K, V>> command);

  /** How many commands are queued and not sent yet. */
  int size();
}
