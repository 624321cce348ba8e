package dev.respite.command;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Commands on lists. The blocking ones wait up to their timeout (zero: forever); the read timeout of the
 * connection is extended by that much for that one call.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ListCommands<K, V> {

  /** Sends {@code LPUSH key element...}; returns the length after the push. */
  @SuppressWarnings("unchecked")
  long lpush(K key, V... elements);

  /** Sends {@code RPUSH key element...}; returns the length after the push. */
  @SuppressWarnings("unchecked")
  long rpush(K key, V... elements);

  /** Sends {@code LPUSHX key element...}: only if the list exists; returns its length (0 if it does not). */
  @SuppressWarnings("unchecked")
  long lpushX(K key, V... elements);

  /** Sends {@code RPUSHX key element...}: only if the list exists; returns its length (0 if it does not). */
  @SuppressWarnings("unchecked")
  long rpushX(K key, V... elements);

  /** Sends {@code LPOP key}; null if the list is empty. */
  @Nullable V lpop(K key);

  /** Sends {@code LPOP key count}; empty if the list is empty. */
  List<V> lpop(K key, long count);

  /** Sends {@code RPOP key}; null if the list is empty. */
  @Nullable V rpop(K key);

  /** Sends {@code RPOP key count}; empty if the list is empty. */
  List<V> rpop(K key, long count);

  /** Sends {@code LLEN key}. */
  long llen(K key);

  /** Sends {@code LRANGE key start stop} (both inclusive, negative from the end). */
  List<V> lrange(K key, long start, long stop);

  /** Sends {@code LINDEX key index}; null if out of range. */
  @Nullable V lindex(K key, long index);

  /** Sends {@code LSET key index element}. */
  void lset(K key, long index, V element);

  /** Sends {@code LREM key count element}; returns how many were removed. */
  long lrem(K key, long count, V element);

  /** Sends {@code LTRIM key start stop}. */
  void ltrim(K key, long start, long stop);

  /** Sends {@code LINSERT key BEFORE|AFTER pivot element}; the new length, or -1 if the pivot is absent. */
  long linsert(K key, InsertPosition position, V pivot, V element);

  /** Sends {@code LPOS key element}: the first index of {@code element}, or null. */
  @Nullable Long lpos(K key, V element);

  /** Sends {@code LPOS key element COUNT count}: up to {@code count} indexes (0: all). */
  List<Long> lpos(K key, V element, long count);

  /** Sends {@code LMOVE source destination LEFT|RIGHT LEFT|RIGHT}; the moved element, or null. */
  @Nullable V lmove(K source, K destination, ListDirection from, ListDirection to);

  /**
   * Sends {@code LMPOP numkeys key... LEFT|RIGHT COUNT count}: up to {@code count} elements from the first
   * non-empty list, with its key; null if every list is empty.
   */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, List<V>> lmpop(ListDirection from, long count, K... keys);

  /** Sends {@code BLMPOP timeout numkeys key... LEFT|RIGHT COUNT count}; null after the timeout. */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, List<V>> blmpop(Duration timeout, ListDirection from, long count, K... keys);

  /**
   * Sends {@code BLPOP key... timeout}; the first element of the first non-empty list, or null after the
   * timeout.
   */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, V> blpop(Duration timeout, K... keys);

  /** Sends {@code BRPOP key... timeout}; the last element of the first non-empty list, or null. */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, V> brpop(Duration timeout, K... keys);

  /** Sends {@code BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout}; null after the timeout. */
  @Nullable V blmove(K source, K destination, ListDirection from, ListDirection to, Duration timeout);

  /** Sends {@code LPOS key element [RANK rank] [MAXLEN len]}: the index of the match, or null. */
  @Nullable Long lpos(K key, V element, LPosOptions options);

  /** Sends {@code LPOS key element [RANK rank] COUNT count [MAXLEN len]}: up to {@code count} indexes (0: all). */
  List<Long> lpos(K key, V element, long count, LPosOptions options);
}
