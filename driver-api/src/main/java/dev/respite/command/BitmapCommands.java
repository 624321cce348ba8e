package dev.respite.command;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Commands on strings as arrays of bits.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BitmapCommands<K, V> {

  /** Sends {@code SETBIT key offset 1|0}; returns the bit's previous value. */
  boolean setBit(K key, long offset, boolean value);

  /** Sends {@code GETBIT key offset}. */
  boolean getBit(K key, long offset);

  /** Sends {@code BITCOUNT key}: how many bits are set. */
  long bitCount(K key);

  /** Sends {@code BITCOUNT key start end BYTE}: set bits between two byte offsets, inclusive. */
  long bitCount(K key, long start, long end);

  /** Sends {@code BITPOS key 1|0}: the first bit with that value, or -1. */
  long bitPos(K key, boolean value);

  /** Sends {@code BITOP AND|OR|XOR|NOT destination key...}; the size of the result in bytes. */
  @SuppressWarnings("unchecked")
  long bitOp(BitOperation operation, K destination, K... keys);

  /** Sends {@code BITCOUNT key start end BYTE|BIT}: set bits between two offsets in that unit, inclusive. */
  long bitCount(K key, long start, long end, BitUnit unit);

  /** Sends {@code BITPOS key 1|0 start}: the first bit with that value from byte {@code start}, or -1. */
  long bitPos(K key, boolean value, long start);

  /** Sends {@code BITPOS key 1|0 start end BYTE|BIT}: the first bit with that value in the range, or -1. */
  long bitPos(K key, boolean value, long start, long end, BitUnit unit);

  /**
   * Sends {@code BITFIELD key op...}: one value per {@code GET}, {@code SET} and {@code INCRBY}, null where
   * {@code OVERFLOW FAIL} refused one.
   *
   * @throws IllegalArgumentException if {@code operations} is empty
   */
  List<@Nullable Long> bitfield(K key, BitField operations);

  /**
   * Sends {@code BITFIELD_RO key GET ...}: the read-only form, allowed on replicas.
   *
   * @throws IllegalArgumentException if {@code operations} is empty or holds anything but {@code GET}
   */
  List<@Nullable Long> bitfieldReadOnly(K key, BitField operations);
}
