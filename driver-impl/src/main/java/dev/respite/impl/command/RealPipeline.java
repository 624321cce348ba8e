package dev.respite.impl.command;

import dev.respite.command.Pipeline;
import java.util.List;

/**
 * Queued commands sent by {@link #sync()} in one write.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RealPipeline<K, V> extends CommandList<K, V> implements Pipeline<K, V> {
  private final CommandRunner runner;

  RealPipeline(CommandRunner runner, TypedCodec<K, V> codec) {
    super(codec);
    this.runner = runner;
  }

  @Override
  public void sync() {
    List<QueuedResponse<?>> queued = drain();
    if (!queued.isEmpty()) {
      runner.runPipeline(queued);
    }
  }

  @Override
  public void close() {
    sync();
  }

  @Override
  void checkOpen() {
    // A pipeline can be used again after sync().
  }

  @Override
  public String toString() {
    return "Pipeline[" + size() + " queued]";
  }
}
