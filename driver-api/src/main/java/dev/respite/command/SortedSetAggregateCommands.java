package dev.respite.command;

import java.util.List;

/**
 * Sorted-set commands over several sets with {@code WEIGHTS}/{@code AGGREGATE}, and the {@code WITHSCORES}
 * forms of the set algebra and of {@code ZRANDMEMBER}.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public interface SortedSetAggregateCommands<K, V> {

  /** Sends {@code ZUNION numkeys key... [WEIGHTS] [AGGREGATE]}. */
  @SuppressWarnings("unchecked")
  List<V> zunion(ZAggregateOptions options, K... keys);

  /** Sends {@code ZINTER numkeys key... [WEIGHTS] [AGGREGATE]}. */
  @SuppressWarnings("unchecked")
  List<V> zinter(ZAggregateOptions options, K... keys);

  /** Sends {@code ZUNION numkeys key... [WEIGHTS] [AGGREGATE] WITHSCORES}. */
  @SuppressWarnings("unchecked")
  List<ScoredValue<V>> zunionWithScores(ZAggregateOptions options, K... keys);

  /** Sends {@code ZINTER numkeys key... [WEIGHTS] [AGGREGATE] WITHSCORES}. */
  @SuppressWarnings("unchecked")
  List<ScoredValue<V>> zinterWithScores(ZAggregateOptions options, K... keys);

  /** Sends {@code ZDIFF numkeys key... WITHSCORES}: the members of the first set only, with its scores. */
  @SuppressWarnings("unchecked")
  List<ScoredValue<V>> zdiffWithScores(K... keys);

  /** Sends {@code ZUNIONSTORE destination numkeys key... [WEIGHTS] [AGGREGATE]}; the size of the result. */
  @SuppressWarnings("unchecked")
  long zunionStore(K destination, ZAggregateOptions options, K... keys);

  /** Sends {@code ZINTERSTORE destination numkeys key... [WEIGHTS] [AGGREGATE]}; the size of the result. */
  @SuppressWarnings("unchecked")
  long zinterStore(K destination, ZAggregateOptions options, K... keys);

  /**
   * Sends {@code ZRANDMEMBER key count WITHSCORES}: up to {@code count} distinct members (negative: exactly
   * {@code -count}, which may repeat).
   */
  List<ScoredValue<V>> zrandMemberWithScores(K key, long count);
}
