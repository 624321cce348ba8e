package dev.respite.impl.command;

import org.jspecify.annotations.Nullable;

/**
 * What every family needs: a way to run a command, and the codec of the view.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CommandContext<K, V> {

  /** Runs {@code command} now (a session) or queues it and returns its placeholder (a pipeline). */
  <T extends @Nullable Object> T run(Command<T> command);

  /** The keys' and values' codec. */
  TypedCodec<K, V> codec();

  /** A new argument list in this view's codec, for commands whose length depends on their options. */
  default Args<K, V> args() {
    return new Args<>(codec());
  }
}
