package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.InsertPosition;
import dev.respite.command.KeyValue;
import dev.respite.command.LPosOptions;
import dev.respite.command.ListCommands;
import dev.respite.command.ListDirection;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link ListCommands} as commands. */
public interface ListFamily<K, V> extends ListCommands<K, V>, CommandContext<K, V> {

  @Override
  @SuppressWarnings("unchecked")
  default long lpush(K key, V... elements) {
    return run(Command.of(LPUSH, Decoders.LONG, args().key(key).values(Args.nonEmpty("LPUSH", elements)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long rpush(K key, V... elements) {
    return run(Command.of(RPUSH, Decoders.LONG, args().key(key).values(Args.nonEmpty("RPUSH", elements)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long lpushX(K key, V... elements) {
    return run(Command.of(LPUSHX, Decoders.LONG, args().key(key).values(Args.nonEmpty("LPUSHX", elements)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long rpushX(K key, V... elements) {
    return run(Command.of(RPUSHX, Decoders.LONG, args().key(key).values(Args.nonEmpty("RPUSHX", elements)).array()));
  }

  @Override
  default @Nullable V lpop(K key) {
    return run(Command.of(LPOP, codec().value, codec().key(key)));
  }

  @Override
  default List<V> lpop(K key, long count) {
    return run(Command.of(LPOP, codec().values, codec().key(key), count));
  }

  @Override
  default @Nullable V rpop(K key) {
    return run(Command.of(RPOP, codec().value, codec().key(key)));
  }

  @Override
  default List<V> rpop(K key, long count) {
    return run(Command.of(RPOP, codec().values, codec().key(key), count));
  }

  @Override
  default long llen(K key) {
    return run(Command.of(LLEN, Decoders.LONG, codec().key(key)));
  }

  @Override
  default List<V> lrange(K key, long start, long stop) {
    return run(Command.of(LRANGE, codec().values, codec().key(key), start, stop));
  }

  @Override
  default @Nullable V lindex(K key, long index) {
    return run(Command.of(LINDEX, codec().value, codec().key(key), index));
  }

  @Override
  default void lset(K key, long index, V element) {
    run(Command.of(LSET, Decoders.STATUS, codec().key(key), index, codec().value(element)));
  }

  @Override
  default long lrem(K key, long count, V element) {
    return run(Command.of(LREM, Decoders.LONG, codec().key(key), count, codec().value(element)));
  }

  @Override
  default void ltrim(K key, long start, long stop) {
    run(Command.of(LTRIM, Decoders.STATUS, codec().key(key), start, stop));
  }

  @Override
  default long linsert(K key, InsertPosition position, V pivot, V element) {
    ProtocolKeyword where = Objects.requireNonNull(position, "position") == InsertPosition.BEFORE ? BEFORE : AFTER;
    return run(Command.of(LINSERT, Decoders.LONG, codec().key(key), where, codec().value(pivot),
        codec().value(element)));
  }

  @Override
  default @Nullable Long lpos(K key, V element) {
    return run(Command.of(LPOS, Decoders.NULLABLE_LONG, codec().key(key), codec().value(element)));
  }

  @Override
  default List<Long> lpos(K key, V element, long count) {
    return run(Command.of(LPOS, Decoders.LONG_LIST, codec().key(key), codec().value(element), COUNT, count));
  }

  @Override
  default @Nullable V lmove(K source, K destination, ListDirection from, ListDirection to) {
    return run(Command.of(LMOVE, codec().value, codec().key(source), codec().key(destination), side(from),
        side(to)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, List<V>> lmpop(ListDirection from, long count, K... keys) {
    return run(Command.of(LMPOP, codec().keyValues, args().add((long) Args.nonEmpty("LMPOP", keys).length)
        .keys(keys).add(side(from)).add(COUNT).add(count).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, List<V>> blmpop(Duration timeout, ListDirection from, long count, K... keys) {
    return run(Command.of(BLMPOP, codec().keyValues, args().add(Blocking.seconds(timeout))
        .add((long) Args.nonEmpty("BLMPOP", keys).length).keys(keys).add(side(from)).add(COUNT).add(count).array())
        .blocking(Blocking.millis(timeout)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, V> blpop(Duration timeout, K... keys) {
    return run(Command.of(BLPOP, codec().keyValue, args().keys(Args.nonEmpty("BLPOP", keys))
        .add(Blocking.seconds(timeout)).array()).blocking(Blocking.millis(timeout)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default @Nullable KeyValue<K, V> brpop(Duration timeout, K... keys) {
    return run(Command.of(BRPOP, codec().keyValue, args().keys(Args.nonEmpty("BRPOP", keys))
        .add(Blocking.seconds(timeout)).array()).blocking(Blocking.millis(timeout)));
  }

  @Override
  default @Nullable V blmove(K source, K destination, ListDirection from, ListDirection to, Duration timeout) {
    return run(Command.of(BLMOVE, codec().value, codec().key(source), codec().key(destination), side(from),
        side(to), Blocking.seconds(timeout)).blocking(Blocking.millis(timeout)));
  }

  @Override
  default @Nullable Long lpos(K key, V element, LPosOptions options) {
    return run(Command.of(LPOS, Decoders.NULLABLE_LONG, lposArgs(key, element, options).array()));
  }

  @Override
  default List<Long> lpos(K key, V element, long count, LPosOptions options) {
    if (count < 0) {
      throw new IllegalArgumentException("LPOS COUNT must not be negative, got " + count);
    }
    return run(Command.of(LPOS, Decoders.LONG_LIST, lposArgs(key, element, options).add(COUNT).add(count).array()));
  }

  private Args<K, V> lposArgs(K key, V element, LPosOptions options) {
    Args<K, V> args = args().key(key).value(element);
    if (options.rankValue() != 0) {
      args.add(RANK).add(options.rankValue());
    }
    if (options.maxLenValue() != 0) {
      args.add(MAXLEN).add(options.maxLenValue());
    }
    return args;
  }

  private static ProtocolKeyword side(ListDirection direction) {
    return Objects.requireNonNull(direction, "direction") == ListDirection.LEFT ? LEFT : RIGHT;
  }
}
