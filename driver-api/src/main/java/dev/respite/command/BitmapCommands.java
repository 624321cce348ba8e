package dev.respite.command;

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
}
