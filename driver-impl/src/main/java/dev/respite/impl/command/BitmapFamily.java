package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.BitField;
import dev.respite.command.BitOperation;
import dev.respite.command.BitUnit;
import dev.respite.command.BitmapCommands;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  @Override
  default long bitCount(K key, long start, long end, BitUnit unit) {
    return run(Command.of(BITCOUNT, Decoders.LONG, codec().key(key), start, end, unit(unit)));
  }

  @Override
  default long bitPos(K key, boolean value, long start) {
    return run(Command.of(BITPOS, Decoders.LONG, codec().key(key), value ? 1L : 0L, start));
  }

  @Override
  default long bitPos(K key, boolean value, long start, long end, BitUnit unit) {
    return run(Command.of(BITPOS, Decoders.LONG, codec().key(key), value ? 1L : 0L, start, end, unit(unit)));
  }

  @Override
  default List<@Nullable Long> bitfield(K key, BitField operations) {
    return run(Command.of(BITFIELD, Decoders.NULLABLE_LONG_LIST, bitfieldArgs("BITFIELD", key, operations)));
  }

  @Override
  default List<@Nullable Long> bitfieldReadOnly(K key, BitField operations) {
    if (!operations.isReadOnly()) {
      throw new IllegalArgumentException("BITFIELD_RO takes only GET operations, got " + operations);
    }
    return run(Command.of(BITFIELD_RO, Decoders.NULLABLE_LONG_LIST, bitfieldArgs("BITFIELD_RO", key, operations)));
  }

  private Object[] bitfieldArgs(String command, K key, BitField operations) {
    if (operations.isEmpty()) {
      throw new IllegalArgumentException(command + " needs at least one operation");
    }
    return args().key(key).all(operations.arguments().toArray(new String[0])).array();
  }

  private static Object unit(BitUnit unit) {
    return Objects.requireNonNull(unit, "unit") == BitUnit.BIT ? BIT : BYTE;
  }
}
