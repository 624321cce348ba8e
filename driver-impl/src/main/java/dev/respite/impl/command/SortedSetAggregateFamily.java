package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.ScoredValue;
import dev.respite.command.SortedSetAggregateCommands;
import dev.respite.command.ZAggregate;
import dev.respite.command.ZAggregateOptions;
import java.util.List;
import java.util.Objects;

/** {@link SortedSetAggregateCommands} as commands. */
public interface SortedSetAggregateFamily<K, V> extends SortedSetAggregateCommands<K, V>, CommandContext<K, V> {

  @Override
  @SuppressWarnings("unchecked")
  default List<V> zunion(ZAggregateOptions options, K... keys) {
    return run(Command.of(ZUNION, codec().values, aggregateArgs("ZUNION", args(), options, keys).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<V> zinter(ZAggregateOptions options, K... keys) {
    return run(Command.of(ZINTER, codec().values, aggregateArgs("ZINTER", args(), options, keys).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<ScoredValue<V>> zunionWithScores(ZAggregateOptions options, K... keys) {
    return run(Command.of(ZUNION, codec().scoredValues,
        aggregateArgs("ZUNION", args(), options, keys).add(WITHSCORES).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<ScoredValue<V>> zinterWithScores(ZAggregateOptions options, K... keys) {
    return run(Command.of(ZINTER, codec().scoredValues,
        aggregateArgs("ZINTER", args(), options, keys).add(WITHSCORES).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<ScoredValue<V>> zdiffWithScores(K... keys) {
    return run(Command.of(ZDIFF, codec().scoredValues, args().add((long) Args.nonEmpty("ZDIFF", keys).length)
        .keys(keys).add(WITHSCORES).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zunionStore(K destination, ZAggregateOptions options, K... keys) {
    return run(Command.of(ZUNIONSTORE, Decoders.LONG,
        aggregateArgs("ZUNIONSTORE", args().key(destination), options, keys).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long zinterStore(K destination, ZAggregateOptions options, K... keys) {
    return run(Command.of(ZINTERSTORE, Decoders.LONG,
        aggregateArgs("ZINTERSTORE", args().key(destination), options, keys).array()));
  }

  @Override
  default List<ScoredValue<V>> zrandMemberWithScores(K key, long count) {
    return run(Command.of(ZRANDMEMBER, codec().scoredValues, codec().key(key), count, WITHSCORES));
  }

  /** {@code numkeys key... [WEIGHTS w...] [AGGREGATE SUM|MIN|MAX]}, checking one weight per key. */
  private Args<K, V> aggregateArgs(String command, Args<K, V> args, ZAggregateOptions options, K[] keys) {
    Objects.requireNonNull(options, "options");
    args.add((long) Args.nonEmpty(command, keys).length).keys(keys);
    double[] weights = options.weightList();
    if (weights != null) {
      if (weights.length != keys.length) {
        throw new IllegalArgumentException(command + " WEIGHTS needs one weight per key: " + keys.length
            + " keys but " + weights.length + " weights");
      }
      args.add(WEIGHTS);
      for (double weight : weights) {
        args.add(weight);
      }
    }
    ZAggregate aggregate = options.aggregateFunction();
    if (aggregate != null) {
      args.add(AGGREGATE).add(aggregate.name());
    }
    return args;
  }
}
