package dev.respite.command;

/**
 * A {@code MULTI}/{@code EXEC} transaction. Commands are kept in memory until {@link #exec()} sends
 * {@code MULTI}, them and {@code EXEC} in one write, so the session can still read (after {@code WATCH})
 * while the transaction is being built. Get one with {@link RedisOperations#multi()}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Transaction<K, V> extends CommandQueue<K, V>, AutoCloseable {

  /**
   * Sends {@code MULTI}, the queued commands and {@code EXEC}; the responses then hold the results.
   *
   * @return true if the transaction ran, false if a key {@code WATCH}ed by the session changed and the
   *     server aborted it (every response then fails)
   * @throws dev.respite.RedisServerException if the server refused a queued command ({@code EXECABORT});
   *     nothing ran
   * @throws IllegalStateException if the transaction was already executed or discarded
   */
  boolean exec();

  /** Drops the queued commands and sends {@code UNWATCH} if the session watches keys. */
  void discard();

  /** Discards the transaction unless it was executed. */
  @Override
  void close();
}
