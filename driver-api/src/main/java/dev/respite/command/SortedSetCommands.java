package dev.respite.command;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Commands on sorted sets. Scores are {@code double}s; {@code +inf} and {@code -inf} are infinities.
 * Range methods take {@code ZRange<? super V>} so that a rank or score range needs no type witness
 * ({@code ZRange.byRank(0, 9).reverse()}).
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public interface SortedSetCommands<K, V> {

  /** Sends {@code ZADD key score member}; returns how many members were added. */
  long zadd(K key, double score, V member);

  /**
   * Sends {@code ZADD key [NX|XX] [GT|LT] [CH] score member...}; returns how many were added (or changed,
   * with {@code CH}).
   *
   * @throws IllegalArgumentException if {@code members} is empty
   */
  long zadd(K key, ZAddOptions options, Collection<ScoredValue<V>> members);

  /** Sends {@code ZADD key [options] INCR increment member}; the new score, or null if the options prevented it. */
  @Nullable Double zaddIncr(K key, ZAddOptions options, double increment, V member);

  /** Sends {@code ZINCRBY key increment member}; returns the new score. */
  double zincrBy(K key, double increment, V member);

  /** Sends {@code ZSCORE key member}; null if the member is absent. */
  @Nullable Double zscore(K key, V member);

  /** Sends {@code ZMSCORE key member...}; null for each absent member. */
  @SuppressWarnings("unchecked")
  List<@Nullable Double> zmscore(K key, V... members);

  /** Sends {@code ZREM key member...}; returns how many were removed. */
  @SuppressWarnings("unchecked")
  long zrem(K key, V... members);

  /** Sends {@code ZCARD key}. */
  long zcard(K key);

  /** Sends {@code ZCOUNT key min max}. */
  long zcount(K key, ScoreRange range);

  /** Sends {@code ZLEXCOUNT key min max}. */
  long zlexCount(K key, LexRange<V> range);

  /** Sends {@code ZRANGE key start stop}: members by rank, lowest score first. */
  List<V> zrange(K key, long start, long stop);

  /** Sends {@code ZRANGE key ... [BYSCORE|BYLEX] [REV] [LIMIT offset count]}. */
  List<V> zrange(K key, ZRange<? super V> range);

  /** Sends {@code ZRANGE key ... WITHSCORES}. */
  List<ScoredValue<V>> zrangeWithScores(K key, ZRange<? super V> range);

  /** Sends {@code ZRANGESTORE destination source ...}; the size of the result. */
  long zrangeStore(K destination, K source, ZRange<? super V> range);

  /** Sends {@code ZRANK key member}; null if absent. */
  @Nullable Long zrank(K key, V member);

  /** Sends {@code ZREVRANK key member}; null if absent. */
  @Nullable Long zrevrank(K key, V member);

  /** Sends {@code ZREMRANGEBYRANK key start stop}; how many were removed. */
  long zremRangeByRank(K key, long start, long stop);

  /** Sends {@code ZREMRANGEBYSCORE key min max}; how many were removed. */
  long zremRangeByScore(K key, ScoreRange range);

  /** Sends {@code ZREMRANGEBYLEX key min max}; how many were removed. */
  long zremRangeByLex(K key, LexRange<V> range);

  /** Sends {@code ZUNION numkeys key...}: the members of any of the sets, by their summed score. */
  @SuppressWarnings("unchecked")
  List<V> zunion(K... keys);

  /** Sends {@code ZINTER numkeys key...}: the members of every set. */
  @SuppressWarnings("unchecked")
  List<V> zinter(K... keys);

  /** Sends {@code ZDIFF numkeys key...}: the members of the first set only. */
  @SuppressWarnings("unchecked")
  List<V> zdiff(K... keys);

  /** Sends {@code ZINTERCARD numkeys key...}: the size of the intersection. */
  @SuppressWarnings("unchecked")
  long zinterCard(K... keys);

  /** Sends {@code ZPOPMIN key count}: the lowest members, removed. */
  List<ScoredValue<V>> zpopMin(K key, long count);

  /** Sends {@code ZPOPMAX key count}: the highest members, removed. */
  List<ScoredValue<V>> zpopMax(K key, long count);

  /**
   * Sends {@code ZMPOP numkeys key... MIN|MAX COUNT count}: up to {@code count} members from the first
   * non-empty set, with its key; null if every set is empty.
   */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, List<ScoredValue<V>>> zmpop(SortedSetEnd end, long count, K... keys);

  /** Sends {@code BZMPOP timeout numkeys key... MIN|MAX COUNT count}; null after the timeout. */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, List<ScoredValue<V>>> bzmpop(Duration timeout, SortedSetEnd end, long count, K... keys);

  /** Sends {@code BZPOPMIN key... timeout}; null after the timeout. */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, ScoredValue<V>> bzpopMin(Duration timeout, K... keys);

  /** Sends {@code BZPOPMAX key... timeout}; null after the timeout. */
  @SuppressWarnings("unchecked")
  @Nullable KeyValue<K, ScoredValue<V>> bzpopMax(Duration timeout, K... keys);

  /** Sends {@code ZRANDMEMBER key count}. */
  List<V> zrandMember(K key, long count);

  /** Sends {@code ZUNIONSTORE destination numkeys key...}; the size of the result. */
  @SuppressWarnings("unchecked")
  long zunionStore(K destination, K... keys);

  /** Sends {@code ZINTERSTORE destination numkeys key...}; the size of the result. */
  @SuppressWarnings("unchecked")
  long zinterStore(K destination, K... keys);

  /** Sends {@code ZDIFFSTORE destination numkeys key...}; the size of the result. */
  @SuppressWarnings("unchecked")
  long zdiffStore(K destination, K... keys);
}
