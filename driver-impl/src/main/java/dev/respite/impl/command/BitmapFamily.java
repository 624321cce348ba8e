package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.BitOperation;
import dev.respite.command.BitmapCommands;

/** {@link BitmapCommands} as commands. */
public interface BitmapFamily<K, V> extends BitmapCommands<K, V>, CommandContext<K, V> {

  @Override
  default boolean setBit(K key, long offset, boolean value) {
    return run(Command.of(SETBIT, Decoders.BOOLEAN, codec().key(key), offset, value ? 1L : 0L));
  }

  @Override
  default boolean getBit(K key, long offset) {
    return run(Command.of(GETBIT, Decoders.BOOLEAN, codec().key(key), offset));
  }

  @Override
  default long bitCount(K key) {
    return run(Command.of(BITCOUNT, Decoders.LONG, codec().key(key)));
  }

  @Override
  default long bitCount(K key, long start, long end) {
    return run(Command.of(BITCOUNT, Decoders.LONG, codec().key(key), start, end, BYTE));
  }

  @Override
  default long bitPos(K key, boolean value) {
    return run(Command.of(BITPOS, Decoders.LONG, codec().key(key), value ? 1L : 0L));
  }

  @Override
  @SuppressWarnings("unchecked")
  default long bitOp(BitOperation operation, K destination, K... keys) {
    return run(Command.of(BITOP, Decoders.LONG,
        args().add(operation.name()).key(destination).keys(Args.nonEmpty("BITOP", keys)).array()));
  }
}
