package dev.respite.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The values the benchmarks write: printable ASCII, so the String and byte[] forms are the same bytes. */
final class Payloads {

  /** The value size of every case but the large-value one. */
  static final int SMALL_VALUE_BYTES = 100;
  /** The value size of the large-value case. */
  static final int LARGE_VALUE_BYTES = 1024 * 1024;

  private Payloads() {}

  static String text(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + i % 26);
    }
    return new String(chars);
  }

  static byte[] bytes(int length) {
    return text(length).getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Fails the run loudly when a reply is not what was written: a fast wrong answer is no result. */
  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("wrong reply: " + what);
    }
  }

  static void checkEquals(byte @org.jspecify.annotations.Nullable [] actual, byte[] expected) {
    check(actual != null && Arrays.equals(actual, expected), "bytes differ from what was written");
  }
}
