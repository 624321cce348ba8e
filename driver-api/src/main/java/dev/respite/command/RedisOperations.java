package dev.respite.command;

import dev.respite.Reply;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The commands of {@link RedisCommands} plus what takes more than one command: cursor iteration, scripts
 * with a fallback, pipelines and transactions. {@link dev.respite.RedisSession} is the {@code String} view;
 * {@link #withCodec(RedisCodec)} gives another view over the same connection.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface RedisOperations<K, V> extends RedisCommands<K, V> {

  /** A view of the same session whose keys and values go through {@code codec}. */
  <K2, V2> RedisOperations<K2, V2> withCodec(RedisCodec<K2, V2> codec);

  /** A view of the same session with {@code byte[]} keys and values. */
  default RedisOperations<byte[], byte[]> binary() {
    return withCodec(RedisCodec.bytes());
  }

  /**
   * Sends {@code SCAN cursor [MATCH] [COUNT] [TYPE]} as the returned stream is consumed, hiding the cursor.
   * A key may appear twice if the keyspace changes meanwhile (Redis guarantees no more).
   */
  Stream<K> scan(ScanOptions options);

  /** Sends {@code HSCAN key cursor [MATCH] [COUNT]} as the stream is consumed. */
  Stream<Map.Entry<K, V>> hscan(K key, ScanOptions options);

  /** Sends {@code SSCAN key cursor [MATCH] [COUNT]} as the stream is consumed. */
  Stream<V> sscan(K key, ScanOptions options);

  /** Sends {@code ZSCAN key cursor [MATCH] [COUNT]} as the stream is consumed. */
  Stream<ScoredValue<V>> zscan(K key, ScanOptions options);

  /**
   * Sends {@code EVALSHA}, and on {@code NOSCRIPT} (a server that never saw the script, or forgot it)
   * {@code EVAL} with the source, which also loads it.
   */
  Reply eval(Script script, List<K> keys, List<V> args);

  /** A pipeline over this session's connection. */
  Pipeline<K, V> pipeline();

  /** Sends {@code WATCH key...}: a later {@link Transaction#exec()} aborts if any of them changed. */
  @SuppressWarnings("unchecked")
  void watch(K... keys);

  /** Sends {@code UNWATCH}. */
  void unwatch();

  /** A transaction; nothing is sent before {@link Transaction#exec()}. */
  Transaction<K, V> multi();

  /**
   * Runs {@code block} to queue commands, then sends them in {@code MULTI}/{@code EXEC}. If {@code block}
   * throws, nothing is sent, watched keys are released and the exception propagates.
   *
   * @return true if the transaction ran, false if a watched key changed and the server aborted it
   */
  boolean transaction(Consumer<Transaction<K, V>> block);

  /**
   * Optimistic locking: {@code WATCH}es {@code keys}, runs {@code block} (which reads through this session
   * and queues writes on the transaction), and sends {@code EXEC}; when a watched key changed meanwhile,
   * starts over, up to {@code maxAttempts} times.
   *
   * @return what {@code block} returned in the attempt that committed
   * @throws dev.respite.RedisException if every attempt was aborted by a concurrent change
   * @throws IllegalArgumentException if {@code maxAttempts < 1} or no key is given
   */
  <R extends @Nullable Object> R optimistic(int maxAttempts, List<K> keys, Function<Transaction<K, V>, R> block);
}
