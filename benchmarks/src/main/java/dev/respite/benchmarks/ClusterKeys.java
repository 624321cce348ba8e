package dev.respite.benchmarks;

/**
 * The keys of the cluster case: one per hash slot, so that the load reaches every slot and every primary in
 * proportion to the slots it serves. Each key has two 100-byte values that name the client, the key and the
 * variant, so that a GET can only match the SET just before it (not the other variant, not another client's
 * earlier write, not another key's value). Each client has keys of its own ({@code bench:cluster:<client>:n}):
 * the three JVMs probe the cluster at the same time when they start, and with shared keys one client's SET
 * could land between another's SET and GET, failing that client's probe with a wrong reply.
 */
final class ClusterKeys {

  /** The number of hash slots of every Redis Cluster. */
  static final int SLOTS = 16_384;
  private static final String PREFIX = "bench:cluster:";

  private final String[] keys = new String[SLOTS];
  private final String[][] values = new String[SLOTS][2];

  /**
   * @param writer names the client in every key and value, e.g. "jedis"
   */
  ClusterKeys(String writer) {
    String padding = Payloads.text(Payloads.SMALL_VALUE_BYTES);
    int found = 0;
    // About 170,000 names are tried before every slot has one (the coupon collector's n ln n): a few ms.
    for (long n = 0; found < SLOTS; n++) {
      String key = PREFIX + writer + ":" + n;
      int slot = slot(key);
      if (keys[slot] == null) {
        keys[slot] = key;
        found++;
      }
    }
    for (int slot = 0; slot < SLOTS; slot++) {
      for (int variant = 0; variant < 2; variant++) {
        String head = writer + ":" + keys[slot] + ":" + variant + ":";
        values[slot][variant] = head + padding.substring(head.length());
      }
    }
  }

  /** The key whose hash slot is {@code slot}. */
  String key(int slot) {
    return keys[slot];
  }

  /** One of the two values of {@code slot}'s key; {@code variant} is 0 or 1. */
  String value(int slot, int variant) {
    return values[slot][variant];
  }

  /**
   * The hash slot of a key without a {@code {hash tag}} (none of ours has one): CRC16-CCITT (XModem) of the
   * key's bytes modulo 16,384, as the Redis Cluster specification defines it. The keys are ASCII, so a char is
   * a byte.
   */
  static int slot(String key) {
    int crc = 0;
    for (int i = 0; i < key.length(); i++) {
      crc ^= key.charAt(i) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xFFFF;
    }
    return crc & (SLOTS - 1);
  }
}
