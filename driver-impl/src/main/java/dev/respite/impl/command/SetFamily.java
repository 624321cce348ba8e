package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.SetCommands;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link SetCommands} as commands. */
public interface SetFamily<K, V> extends SetCommands<K, V>, CommandContext<K, V> {

  @Override
  @SuppressWarnings("unchecked")
  default long sadd(K key, V... members) {
    return run(Command.of(SADD, Decoders.LONG, args().key(key).values(Args.nonEmpty("SADD", members)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long srem(K key, V... members) {
    return run(Command.of(SREM, Decoders.LONG, args().key(key).values(Args.nonEmpty("SREM", members)).array()));
  }

  @Override
  default Set<V> smembers(K key) {
    return run(Command.of(SMEMBERS, codec().valueSet, codec().key(key)));
  }

  @Override
  default boolean sismember(K key, V member) {
    return run(Command.of(SISMEMBER, Decoders.BOOLEAN, codec().key(key), codec().value(member)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<Boolean> smismember(K key, V... members) {
    return run(Command.of(SMISMEMBER, Decoders.BOOLEAN_LIST,
        args().key(key).values(Args.nonEmpty("SMISMEMBER", members)).array()));
  }

  @Override
  default long scard(K key) {
    return run(Command.of(SCARD, Decoders.LONG, codec().key(key)));
  }

  @Override
  default @Nullable V spop(K key) {
    return run(Command.of(SPOP, codec().value, codec().key(key)));
  }

  @Override
  default Set<V> spop(K key, long count) {
    return run(Command.of(SPOP, codec().valueSet, codec().key(key), count));
  }

  @Override
  default @Nullable V srandmember(K key) {
    return run(Command.of(SRANDMEMBER, codec().value, codec().key(key)));
  }

  @Override
  default List<V> srandmember(K key, long count) {
    return run(Command.of(SRANDMEMBER, codec().values, codec().key(key), count));
  }

  @Override
  default boolean smove(K source, K destination, V member) {
    return run(Command.of(SMOVE, Decoders.BOOLEAN, codec().key(source), codec().key(destination),
        codec().value(member)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default Set<V> sinter(K... keys) {
    return run(Command.of(SINTER, codec().valueSet, args().keys(Args.nonEmpty("SINTER", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default Set<V> sunion(K... keys) {
    return run(Command.of(SUNION, codec().valueSet, args().keys(Args.nonEmpty("SUNION", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default Set<V> sdiff(K... keys) {
    return run(Command.of(SDIFF, codec().valueSet, args().keys(Args.nonEmpty("SDIFF", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long sinterStore(K destination, K... keys) {
    return run(Command.of(SINTERSTORE, Decoders.LONG,
        args().key(destination).keys(Args.nonEmpty("SINTERSTORE", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long sunionStore(K destination, K... keys) {
    return run(Command.of(SUNIONSTORE, Decoders.LONG,
        args().key(destination).keys(Args.nonEmpty("SUNIONSTORE", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long sdiffStore(K destination, K... keys) {
    return run(Command.of(SDIFFSTORE, Decoders.LONG,
        args().key(destination).keys(Args.nonEmpty("SDIFFSTORE", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long sinterCard(K... keys) {
    return run(Command.of(SINTERCARD, Decoders.LONG,
        args().add((long) Args.nonEmpty("SINTERCARD", keys).length).keys(keys).array()));
  }
}
