package dev.respite.impl.protocol;

import java.io.InputStream;

/**
 * Hands out its bytes one per {@code read} call, as a slow network may, so that every place where the
 * reader must wait for more bytes is exercised.
 */
final class OneByteInputStream extends InputStream {
  private final byte[] bytes;
  private int pos;

  OneByteInputStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int next = read();
    if (next < 0) {
      return -1;
    }
    b[off] = (byte) next;
    return 1;
  }

  /** How many bytes were handed out. */
  int consumed() {
    return pos;
  }
}
