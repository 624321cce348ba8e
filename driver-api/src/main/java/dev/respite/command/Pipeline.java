package dev.respite.command;

/**
 * Commands sent in one write with their replies read together: {@code n} commands cost one flush and one
 * round trip instead of {@code n}. Get one with {@link RedisOperations#pipeline()}; use it from one thread,
 * and do not use its session while commands are queued.
 *
 * <p>An error reply fails only its own {@link Response}. {@link #close()} sends what is still queued, so
 * that no reply is left unread on the connection.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Pipeline<K, V> extends CommandQueue<K, V>, AutoCloseable {

  /**
   * Sends every queued command in one write and reads every reply. The pipeline can be used again.
   *
   * @throws dev.respite.RedisConnectionException if the connection failed; every unread response then
   *     fails the same way and the connection is destroyed
   */
  void sync();

  /** Sends what is still queued, as {@link #sync()} does. */
  @Override
  void close();
}
