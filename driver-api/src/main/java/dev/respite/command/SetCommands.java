package dev.respite.command;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Commands on sets. Sets of {@code byte[]} members are returned as lists-backed sets in server order;
 * compare their members by content.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface SetCommands<K, V> {

  /** Sends {@code SADD key member...}; returns how many were added. */
  @SuppressWarnings("unchecked")
  long sadd(K key, V... members);

  /** Sends {@code SREM key member...}; returns how many were removed. */
  @SuppressWarnings("unchecked")
  long srem(K key, V... members);

  /** Sends {@code SMEMBERS key}. */
  Set<V> smembers(K key);

  /** Sends {@code SISMEMBER key member}. */
  boolean sismember(K key, V member);

  /** Sends {@code SMISMEMBER key member...}: for each member, whether it is in the set. */
  @SuppressWarnings("unchecked")
  List<Boolean> smismember(K key, V... members);

  /** Sends {@code SCARD key}. */
  long scard(K key);

  /** Sends {@code SPOP key}; null if the set is empty. */
  @Nullable V spop(K key);

  /** Sends {@code SPOP key count}. */
  Set<V> spop(K key, long count);

  /** Sends {@code SRANDMEMBER key}; null if the set is empty. */
  @Nullable V srandmember(K key);

  /** Sends {@code SRANDMEMBER key count}: distinct members, or with repeats for a negative count. */
  List<V> srandmember(K key, long count);

  /** Sends {@code SMOVE source destination member}; returns whether it was moved. */
  boolean smove(K source, K destination, V member);

  /** Sends {@code SINTER key...}. */
  @SuppressWarnings("unchecked")
  Set<V> sinter(K... keys);

  /** Sends {@code SUNION key...}. */
  @SuppressWarnings("unchecked")
  Set<V> sunion(K... keys);

  /** Sends {@code SDIFF key...}: the first set minus the others. */
  @SuppressWarnings("unchecked")
  Set<V> sdiff(K... keys);

  /** Sends {@code SINTERSTORE destination key...}; the size of the result. */
  @SuppressWarnings("unchecked")
  long sinterStore(K destination, K... keys);

  /** Sends {@code SUNIONSTORE destination key...}; the size of the result. */
  @SuppressWarnings("unchecked")
  long sunionStore(K destination, K... keys);

  /** Sends {@code SDIFFSTORE destination key...}; the size of the result. */
  @SuppressWarnings("unchecked")
  long sdiffStore(K destination, K... keys);

  /** Sends {@code SINTERCARD numkeys key...}: the size of the intersection. */
  @SuppressWarnings("unchecked")
  long sinterCard(K... keys);
}
