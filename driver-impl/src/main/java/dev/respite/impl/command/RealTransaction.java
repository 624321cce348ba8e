package dev.respite.impl.command;

import dev.respite.command.Transaction;

/**
 * Queued commands sent by {@link #exec()} between {@code MULTI} and {@code EXEC}, in one write.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RealTransaction<K, V> extends CommandList<K, V> implements Transaction<K, V> {
  private final CommandRunner runner;
  private boolean finished;

  RealTransaction(CommandRunner runner, TypedCodec<K, V> codec) {
    super(codec);
    this.runner = runner;
  }

  @Override
  public boolean exec() {
    checkOpen();
    finished = true;
    return runner.runTransaction(drain());
  }

  @Override
  public void discard() {
    checkOpen();
    finished = true;
    drain();
    runner.releaseWatches();
  }

  @Override
  public void close() {
    if (!finished) {
      discard();
    }
  }

  @Override
  void checkOpen() {
    if (finished) {
      throw new IllegalStateException("This transaction was already executed or discarded");
    }
  }

  @Override
  public String toString() {
    return "Transaction[" + size() + " queued" + (finished ? ", finished" : "") + "]";
  }
}
