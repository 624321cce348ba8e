package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.HashCommands;
import dev.respite.command.KeyValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link HashCommands} as commands. */
public interface HashFamily<K, V> extends HashCommands<K, V>, CommandContext<K, V> {

  @Override
  default boolean hset(K key, K field, V value) {
    return run(Command.of(HSET, Decoders.BOOLEAN, codec().key(key), codec().key(field), codec().value(value)));
  }

  @Override
  default long hset(K key, Map<K, V> fields) {
    return run(Command.of(HSET, Decoders.LONG, args().key(key).entries(Args.nonEmpty("HSET", fields)).array()));
  }

  @Override
  default boolean hsetNx(K key, K field, V value) {
    return run(Command.of(HSETNX, Decoders.BOOLEAN, codec().key(key), codec().key(field), codec().value(value)));
  }

  @Override
  default @Nullable V hget(K key, K field) {
    return run(Command.of(HGET, codec().value, codec().key(key), codec().key(field)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<@Nullable V> hmget(K key, K... fields) {
    return run(Command.<List<@Nullable V>>of(HMGET, codec().nullableValues,
        args().key(key).keys(Args.nonEmpty("HMGET", fields)).array()));
  }

  @Override
  default Map<K, V> hgetAll(K key) {
    return run(Command.of(HGETALL, codec().map, codec().key(key)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long hdel(K key, K... fields) {
    return run(Command.of(HDEL, Decoders.LONG, args().key(key).keys(Args.nonEmpty("HDEL", fields)).array()));
  }

  @Override
  default boolean hexists(K key, K field) {
    return run(Command.of(HEXISTS, Decoders.BOOLEAN, codec().key(key), codec().key(field)));
  }

  @Override
  default long hlen(K key) {
    return run(Command.of(HLEN, Decoders.LONG, codec().key(key)));
  }

  @Override
  default List<K> hkeys(K key) {
    return run(Command.of(HKEYS, codec().keys, codec().key(key)));
  }

  @Override
  default List<V> hvals(K key) {
    return run(Command.of(HVALS, codec().values, codec().key(key)));
  }

  @Override
  default long hincrBy(K key, K field, long increment) {
    return run(Command.of(HINCRBY, Decoders.LONG, codec().key(key), codec().key(field), increment));
  }

  @Override
  default double hincrByFloat(K key, K field, double increment) {
    return run(Command.of(HINCRBYFLOAT, Decoders.DOUBLE, codec().key(key), codec().key(field), increment));
  }

  @Override
  default long hstrlen(K key, K field) {
    return run(Command.of(HSTRLEN, Decoders.LONG, codec().key(key), codec().key(field)));
  }

  @Override
  default List<K> hrandField(K key, long count) {
    return run(Command.of(HRANDFIELD, codec().keys, codec().key(key), count));
  }

  @Override
  default List<KeyValue<K, V>> hrandFieldWithValues(K key, long count) {
    return run(Command.of(HRANDFIELD, codec().keyValueList, codec().key(key), count, WITHVALUES));
  }
}
