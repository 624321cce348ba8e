package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.HyperLogLogCommands;

/** {@link HyperLogLogCommands} as commands. */
public interface HyperLogLogFamily<K, V> extends HyperLogLogCommands<K, V>, CommandContext<K, V> {

  @Override
  @SuppressWarnings("unchecked")
  default boolean pfadd(K key, V... elements) {
    return run(Command.of(PFADD, Decoders.BOOLEAN, args().key(key).values(elements).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long pfcount(K... keys) {
    return run(Command.of(PFCOUNT, Decoders.LONG, args().keys(Args.nonEmpty("PFCOUNT", keys)).array()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default void pfmerge(K destination, K... sources) {
    run(Command.of(PFMERGE, Decoders.STATUS, args().key(destination).keys(sources).array()));
  }
}
