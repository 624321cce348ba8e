package dev.respite.impl.command;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A session's connection, as the command views use it. */
public interface CommandRunner {

  /** Sends {@code command}, reads and decodes its reply. */
  <T extends @Nullable Object> T run(Command<T> command);

  /** Sends every command in one write, then reads every reply into its response. */
  void runPipeline(List<QueuedResponse<?>> queued);

  /**
   * Sends {@code MULTI}, the commands and {@code EXEC} in one write; completes the responses.
   *
   * @return false if a watched key changed and the server aborted the transaction
   */
  boolean runTransaction(List<QueuedResponse<?>> queued);

  /** Sends {@code UNWATCH} if keys are watched, so that a discarded transaction leaves nothing behind. */
  void releaseWatches();
}
