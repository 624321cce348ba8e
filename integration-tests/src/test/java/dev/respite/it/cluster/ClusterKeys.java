package dev.respite.it.cluster;

import java.nio.charset.StandardCharsets;

/** The hash slot of a key, computed here as the cluster specification says, independently of the driver. */
final class ClusterKeys {
  private ClusterKeys() {}

  static int slot(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    int to = bytes.length;
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        byte[] tag = key.substring(open + 1, close).getBytes(StandardCharsets.UTF_8);
        bytes = tag;
        to = tag.length;
      }
    }
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= (bytes[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    return (crc & 0xFFFF) % 16384;
  }

  /** A key whose slot is {@code slot}: {@code prefix} with a numbered hash tag. */
  static String keyInSlot(String prefix, int slot) {
    for (int i = 0; ; i++) {
      String key = prefix + "{" + i + "}";
      if (slot(key) == slot) {
        return key;
      }
    }
  }
}
