package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.KeyValue;
import dev.respite.command.LexRange;
import dev.respite.command.ScoreRange;
import dev.respite.command.ScoredValue;
import dev.respite.command.SortedSetCommands;
import dev.respite.command.SortedSetEnd;
import dev.respite.command.ZAddOptions;
import dev.respite.command.ZRange;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link SortedSetCommands} as commands. */
public interface SortedSetFamily<K, V> extends SortedSetCommands<K, V>, CommandContext<K, V> {

  @Override
  default long zadd(K key, double score, V member) {
    return run(Command.of(ZADD, Decoders.LONG, codec().key(key), score, codec().value(member)));
  }

  @Override
  default long zadd(K key, ZAddOptions options, Collection<ScoredValue<V>> members) {
    Args<K, V> args = zaddArgs(key, options);
    for (ScoredValue<V> member : Args.nonEmpty("ZADD", members)) {
      args.add(member.score()).value(member.value());
    }
    return run(Command.of(ZADD, Decoders.LONG, args.array()));
  }

  @Override
  default @Nullable Double zaddIncr(K key, ZAddOptions options, double increment, V member) {
    return run(Command.of(ZADD, Decoders.NULLABLE_DOUBLE,
        zaddArgs(key, options).add(INCR_KW).add(increment).value(member).array()));
  }

  @Override
  default double zincrBy(K key, double increment, V member) {
    return run(Command.of(ZINCRBY, Decoders.DOUBLE, codec().key(key), increment, codec().value(member)));
  }

  @Override
  default @Nullable Double zscore(K key, V member) {
    return run(Command.of(ZSCORE, Decoders.NULLABLE_DOUBLE, codec().key(key), codec().value(member)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<@Nullable Double> zmscore(K key, V... members) {
    return run(Command.of(ZMSCORE, Decoders.NULLABLE_DOUBLE_LIST,
        args().key(key).values(Args.nonEmpty("ZMSCORE", members)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zrem(K key, V... members) {
    return run(Command.of(ZREM, Decoders.LONG, args().key(key).values(Args.nonEmpty("ZREM", members)).array()));
  }

  @Override
  default long zcard(K key) {
    return run(Command.of(ZCARD, Decoders.LONG, codec().key(key)));
  }

  @Override
  default long zcount(K key, ScoreRange range) {
    return run(Command.of(ZCOUNT, Decoders.LONG, codec().key(key), range.min(), range.max()));
  }

  @Override
  default long zlexCount(K key, LexRange<V> range) {
    return run(Command.of(ZLEXCOUNT, Decoders.LONG, codec().key(key), lexMin(range), lexMax(range)));
  }

  @Override
  default List<V> zrange(K key, long start, long stop) {
    return run(Command.of(ZRANGE, codec().values, codec().key(key), start, stop));
  }

  @Override
  default List<V> zrange(K key, ZRange<? super V> range) {
    return run(Command.of(ZRANGE, codec().values, rangeArgs(args().key(key), range).array()));
  }

  @Override
  default List<ScoredValue<V>> zrangeWithScores(K key, ZRange<? super V> range) {
    return run(Command.of(ZRANGE, codec().scoredValues, rangeArgs(args().key(key), range).add(WITHSCORES).array()));
  }

  @Override
  default long zrangeStore(K destination, K source, ZRange<? super V> range) {
    return run(Command.of(ZRANGESTORE, Decoders.LONG,
        rangeArgs(args().key(destination).key(source), range).array()));
  }

  @Override
  default @Nullable Long zrank(K key, V member) {
    return run(Command.of(ZRANK, Decoders.NULLABLE_LONG, codec().key(key), codec().value(member)));
  }

  @Override
  default @Nullable Long zrevrank(K key, V member) {
    return run(Command.of(ZREVRANK, Decoders.NULLABLE_LONG, codec().key(key), codec().value(member)));
  }

  @Override
  default long zremRangeByRank(K key, long start, long stop) {
    return run(Command.of(ZREMRANGEBYRANK, Decoders.LONG, codec().key(key), start, stop));
  }

  @Override
  default long zremRangeByScore(K key, ScoreRange range) {
    return run(Command.of(ZREMRANGEBYSCORE, Decoders.LONG, codec().key(key), range.min(), range.max()));
  }

  @Override
  default long zremRangeByLex(K key, LexRange<V> range) {
    return run(Command.of(ZREMRANGEBYLEX, Decoders.LONG, codec().key(key), lexMin(range), lexMax(range)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<V> zunion(K... keys) {
    return run(Command.of(ZUNION, codec().values, countedKeys("ZUNION", keys)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<V> zinter(K... keys) {
    return run(Command.of(ZINTER, codec().values, countedKeys("ZINTER", keys)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<V> zdiff(K... keys) {
    return run(Command.of(ZDIFF, codec().values, countedKeys("ZDIFF", keys)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zinterCard(K... keys) {
    return run(Command.of(ZINTERCARD, Decoders.LONG, countedKeys("ZINTERCARD", keys)));
  }

  @Override
  default List<ScoredValue<V>> zpopMin(K key, long count) {
    return run(Command.of(ZPOPMIN, codec().scoredValues, codec().key(key), count));
  }

  @Override
  default List<ScoredValue<V>> zpopMax(K key, long count) {
    return run(Command.of(ZPOPMAX, codec().scoredValues, codec().key(key), count));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, List<ScoredValue<V>>> zmpop(SortedSetEnd end, long count, K... keys) {
    return run(Command.of(ZMPOP, codec().keyScoredValues, countedArgs("ZMPOP", keys)
        .add(end == SortedSetEnd.MIN ? MIN : MAX).add(COUNT).add(count).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, List<ScoredValue<V>>> bzmpop(Duration timeout, SortedSetEnd end, long count,
      K... keys) {
    Args<K, V> args = args().add(Blocking.seconds(timeout)).add((long) Args.nonEmpty("BZMPOP", keys).length)
        .keys(keys).add(end == SortedSetEnd.MIN ? MIN : MAX).add(COUNT).add(count);
    return run(Command.of(BZMPOP, codec().keyScoredValues, args.array()).blocking(Blocking.millis(timeout)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, ScoredValue<V>> bzpopMin(Duration timeout, K... keys) {
    return run(Command.of(BZPOPMIN, codec().keyScoredValue, args().keys(Args.nonEmpty("BZPOPMIN", keys))
        .add(Blocking.seconds(timeout)).array()).blocking(Blocking.millis(timeout)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, ScoredValue<V>> bzpopMax(Duration timeout, K... keys) {
    return run(Command.of(BZPOPMAX, codec().keyScoredValue, args().keys(Args.nonEmpty("BZPOPMAX", keys))
        .add(Blocking.seconds(timeout)).array()).blocking(Blocking.millis(timeout)));
  }

  @Override
  default List<V> zrandMember(K key, long count) {
    return run(Command.of(ZRANDMEMBER, codec().values, codec().key(key), count));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zunionStore(K destination, K... keys) {
    return run(Command.of(ZUNIONSTORE, Decoders.LONG, storeArgs("ZUNIONSTORE", destination, keys)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zinterStore(K destination, K... keys) {
    return run(Command.of(ZINTERSTORE, Decoders.LONG, storeArgs("ZINTERSTORE", destination, keys)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zdiffStore(K destination, K... keys) {
    return run(Command.of(ZDIFFSTORE, Decoders.LONG, storeArgs("ZDIFFSTORE", destination, keys)));
  }

  private Object[] countedKeys(String command, K[] keys) {
    return countedArgs(command, keys).array();
  }

  private Args<K, V> countedArgs(String command, K[] keys) {
    return args().add((long) Args.nonEmpty(command, keys).length).keys(keys);
  }

  private Object[] storeArgs(String command, K destination, K[] keys) {
    return args().key(destination).add((long) Args.nonEmpty(command, keys).length).keys(keys).array();
  }

  private Args<K, V> zaddArgs(K key, ZAddOptions options) {
    Args<K, V> args = args().key(key);
    String existence = options.existence();
    if (existence != null) {
      args.add("NX".equals(existence) ? NX : XX);
    }
    String comparison = options.comparison();
    if (comparison != null) {
      args.add("GT".equals(comparison) ? GT : LT);
    }
    if (options.isChanged()) {
      args.add(CH);
    }
    return args;
  }

  /**
   * ZRANGE's arguments after the key(s); with REV, Redis wants the score and lex bounds high to low. A rank
   * or score range has no member type, hence {@code ? super V}; a lex range was built from this view's
   * members.
   */
  @SuppressWarnings("unchecked")
  private Args<K, V> rangeArgs(Args<K, V> args, ZRange<? super V> range) {
    switch (range.by()) {
      case RANK:
        args.add(range.start()).add(range.stop());
        break;
      case SCORE:
        ScoreRange scores = Objects.requireNonNull(range.scores());
        args.add(range.isReverse() ? scores.max() : scores.min()).add(range.isReverse() ? scores.min() : scores.max());
        args.add(BYSCORE);
        break;
      default:
        LexRange<V> lex = (LexRange<V>) Objects.requireNonNull(range.lex());
        args.add(range.isReverse() ? lexMax(lex) : lexMin(lex)).add(range.isReverse() ? lexMin(lex) : lexMax(lex));
        args.add(BYLEX);
        break;
    }
    if (range.isReverse()) {
      args.add(REV);
    }
    if (range.count() >= 0) {
      args.add(LIMIT).add(range.offset()).add(range.count());
    }
    return args;
  }

  private Object lexMin(LexRange<V> range) {
    V min = range.min();
    return min == null ? "-" : codec().prefixedValue(range.minInclusive() ? '[' : '(', min);
  }

  private Object lexMax(LexRange<V> range) {
    V max = range.max();
    return max == null ? "+" : codec().prefixedValue(range.maxInclusive() ? '[' : '(', max);
  }
}
