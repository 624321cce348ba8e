package dev.respite.it.modes;

import dev.respite.command.Pipeline;
import dev.respite.command.RedisCommands;
import dev.respite.command.RedisOperations;
import dev.respite.command.Response;
import dev.respite.command.Transaction;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The three ways to run a typed command: on the session, queued in a pipeline, queued in a transaction. */
enum Mode {
  SESSION {
    @Override
    <K, V> @Nullable Object run(RedisOperations<K, V> view, Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt,
        CommandRow row) {
      return row.call.apply(adapt.apply(view));
    }
  },
  PIPELINE {
    @Override
    <K, V> @Nullable Object run(RedisOperations<K, V> view, Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt,
        CommandRow row) {
      Response<?> response;
      try (Pipeline<K, V> pipeline = view.pipeline()) {
        response = queue(pipeline, adapt, row);
        pipeline.sync();
      }
      return response.get();
    }
  },
  TRANSACTION {
    @Override
    <K, V> @Nullable Object run(RedisOperations<K, V> view, Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt,
        CommandRow row) {
      AtomicReference<Response<?>> response = new AtomicReference<>();
      boolean committed = view.transaction((Transaction<K, V> tx) -> response.set(queue(tx, adapt, row)));
      if (!committed) {
        throw new AssertionError("the transaction was not committed");
      }
      return response.get().get();
    }
  };

  /** Runs the row's call in this mode on {@code view}, whose commands {@code adapt} shows as String ones. */
  abstract <K, V> @Nullable Object run(RedisOperations<K, V> view,
      Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt, CommandRow row);

  /** Void methods go through {@code queueVoid}, the others through {@code queue}. */
  private static <K, V> Response<?> queue(dev.respite.command.CommandQueue<K, V> queue,
      Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt, CommandRow row) {
    return row.isVoid
        ? queue.queueVoid(c -> row.call.apply(adapt.apply(c)))
        : queue.queue(c -> row.call.apply(adapt.apply(c)));
  }
}
