package dev.respite.command;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Commands on string values.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface StringCommands<K, V> {

  /** Sends {@code GET key}; null if the key does not exist. */
  @Nullable V get(K key);

  /** Sends {@code SET key value}. */
  void set(K key, V value);

  /**
   * Sends {@code SET key value} with {@code EX}/{@code PX}/{@code EXAT}/{@code PXAT}/{@code KEEPTTL} and
   * {@code NX}/{@code XX}; returns false if the condition prevented the write.
   */
  boolean set(K key, V value, SetOptions options);

  /**
   * Sends {@code SET key value ... GET}: sets and returns the old value (null if there was none, or if
   * {@code NX}/{@code XX} prevented the write and there was none).
   */
  @Nullable V setGet(K key, V value, SetOptions options);

  /** Sends {@code GETDEL key}: the value, deleting the key; null if it did not exist. */
  @Nullable V getDel(K key);

  /** Sends {@code GETEX key EX|PX|EXAT|PXAT|PERSIST ...}: the value, changing its expiry. */
  @Nullable V getEx(K key, Expiration expiration);

  /**
   * Sends {@code MGET key...}; the values in the keys' order, null for a missing key.
   *
   * @throws IllegalArgumentException if no key is given
   */
  @SuppressWarnings("unchecked")
  List<@Nullable V> mget(K... keys);

  /**
   * Sends {@code MSET key value...}.
   *
   * @throws IllegalArgumentException if {@code entries} is empty
   */
  void mset(Map<K, V> entries);

  /** Sends {@code MSETNX key value...}; returns false (and sets nothing) if any key existed. */
  boolean msetNx(Map<K, V> entries);

  /** Sends {@code INCR key}; returns the value after the increment. */
  long incr(K key);

  /** Sends {@code INCRBY key increment}. */
  long incrBy(K key, long increment);

  /** Sends {@code DECR key}. */
  long decr(K key);

  /** Sends {@code DECRBY key decrement}. */
  long decrBy(K key, long decrement);

  /** Sends {@code INCRBYFLOAT key increment}; returns the new value. */
  double incrByFloat(K key, double increment);

  /** Sends {@code APPEND key value}; returns the length after appending. */
  long append(K key, V value);

  /** Sends {@code STRLEN key}. */
  long strlen(K key);

  /** Sends {@code SETRANGE key offset value}; returns the length after the write. */
  long setRange(K key, long offset, V value);

  /** Sends {@code GETRANGE key start end} (both inclusive, negative from the end). */
  V getRange(K key, long start, long end);

  /** Sends {@code LCS key1 key2}: the longest common subsequence of the two strings (empty if none). */
  V lcs(K key1, K key2);

  /** Sends {@code LCS key1 key2 LEN}: the length of the longest common subsequence. */
  long lcsLength(K key1, K key2);

  /**
   * Sends {@code LCS key1 key2 IDX MINMATCHLEN min WITHMATCHLEN}: where the runs of the longest common
   * subsequence at least {@code minMatchLength} long lie in each string (0: every run).
   */
  LcsResult lcsIdx(K key1, K key2, long minMatchLength);
}
