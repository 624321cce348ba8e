package dev.respite.impl.cluster;

import java.nio.charset.StandardCharsets;

/**
 * The hash slot Redis Cluster assigns a key: CRC16 (the XMODEM variant: polynomial 0x1021, initial value 0, no
 * reflection) of the key, modulo 16384.
 *
 * <p>When the key holds a hash tag, only the tag is hashed: the bytes between the first '{' and the first '}'
 * after it, if at least one byte lies between them. Otherwise (no '{', no '}' after it, or an empty tag) the whole
 * key is hashed. These are Redis' own rules: "{user1000}.following" and "{user1000}.followers" share a slot,
 * "foo{}{bar}" is hashed whole, and "foo{{bar}}" hashes "{bar".
 */
public final class SlotHash {

  /** The number of hash slots of every Redis Cluster. */
  public static final int SLOT_COUNT = 16_384;

  private static final int POLYNOMIAL = 0x1021;
  private static final int[] TABLE = table();

  private SlotHash() {}

  /** The slot of a key given as bytes (binary-safe). */
  public static int slot(byte[] key) {
    int open = indexOf(key, (byte) '{', 0);
    if (open >= 0) {
      int close = indexOf(key, (byte) '}', open + 1);
      if (close > open + 1) {
        return crc16(key, open + 1, close) & (SLOT_COUNT - 1);
      }
    }
    return crc16(key, 0, key.length) & (SLOT_COUNT - 1);
  }

  /**
   * The slot of a key given as text, hashed as its UTF-8 bytes, as every Respite codec sends text. An ASCII key
   * (each char its own UTF-8 byte) is hashed from its chars, without encoding a copy.
   */
  public static int slot(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) >= 0x80) {
        return slot(key.getBytes(StandardCharsets.UTF_8));
      }
    }
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        return crc16(key, open + 1, close) & (SLOT_COUNT - 1);
      }
    }
    return crc16(key, 0, key.length()) & (SLOT_COUNT - 1);
  }

  /** CRC16/XMODEM of {@code bytes[from..to)}. */
  static int crc16(byte[] bytes, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }

  /** CRC16/XMODEM of the ASCII chars {@code text[from..to)}, each hashed as the byte it encodes to. */
  private static int crc16(String text, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ text.charAt(i)) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** The CRC of each byte value, computed once from the polynomial rather than pasted as constants. */
  private static int[] table() {
    int[] table = new int[256];
    for (int value = 0; value < 256; value++) {
      int crc = value << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
      }
      table[value] = crc & 0xFFFF;
    }
    return table;
  }
}
