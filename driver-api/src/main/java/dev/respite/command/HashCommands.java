package dev.respite.command;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Commands on hashes. Field names use the key type.
 *
 * @param <K> the key (and field) type
 * @param <V> the value type
 */
public interface HashCommands<K, V> {

  /** Sends {@code HSET key field value}; returns true if the field is new. */
  boolean hset(K key, K field, V value);

  /**
   * Sends {@code HSET key field value...}; returns how many fields are new.
   *
   * @throws IllegalArgumentException if {@code fields} is empty
   */
  long hset(K key, Map<K, V> fields);

  /** Sends {@code HSETNX key field value}; returns false if the field existed. */
  boolean hsetNx(K key, K field, V value);

  /** Sends {@code HGET key field}; null if the field or key does not exist. */
  @Nullable V hget(K key, K field);

  /** Sends {@code HMGET key field...}; the values in the fields' order, null for a missing field. */
  @SuppressWarnings("unchecked")
  List<@Nullable V> hmget(K key, K... fields);

  /** Sends {@code HGETALL key}; an empty map if the key does not exist. */
  Map<K, V> hgetAll(K key);

  /** Sends {@code HDEL key field...}; returns how many fields were removed. */
  @SuppressWarnings("unchecked")
  long hdel(K key, K... fields);

  /** Sends {@code HEXISTS key field}. */
  boolean hexists(K key, K field);

  /** Sends {@code HLEN key}. */
  long hlen(K key);

  /** Sends {@code HKEYS key}. */
  List<K> hkeys(K key);

  /** Sends {@code HVALS key}. */
  List<V> hvals(K key);

  /** Sends {@code HINCRBY key field increment}. */
  long hincrBy(K key, K field, long increment);

  /** Sends {@code HINCRBYFLOAT key field increment}. */
  double hincrByFloat(K key, K field, double increment);

  /** Sends {@code HSTRLEN key field}. */
  long hstrlen(K key, K field);

  /** Sends {@code HRANDFIELD key count}: up to {@code count} distinct fields (negative: may repeat). */
  List<K> hrandField(K key, long count);

  /**
   * Sends {@code HRANDFIELD key count WITHVALUES}: up to {@code count} distinct fields with their values
   * (negative: exactly {@code -count}, which may repeat).
   */
  List<KeyValue<K, V>> hrandFieldWithValues(K key, long count);
}
