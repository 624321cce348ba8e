package dev.respite.impl.protocol;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * How canned RESP bytes reach a reader under test. Read tests run once per constant, so that each input is
 * also decoded when it arrives one byte per read into the smallest buffer.
 */
enum Feed {
  /** All bytes available at once, into a roomy buffer. */
  WHOLE(16 * 1024) {
    @Override
    InputStream open(byte[] bytes) {
      return new ByteArrayInputStream(bytes);
    }
  },
  /** One byte per read, into the smallest buffer: every line and bulk straddles reads. */
  ONE_BYTE(ReadBuffer.MIN_CAPACITY) {
    @Override
    InputStream open(byte[] bytes) {
      return new OneByteInputStream(bytes);
    }
  };

  static final int MAX_BULK = 1 << 20;
  static final int MAX_DEPTH = 16;

  private final int bufferSize;

  Feed(int bufferSize) {
    this.bufferSize = bufferSize;
  }

  abstract InputStream open(byte[] bytes);

  /** A reader over {@code resp} encoded as UTF-8, with test limits of 1 MiB bulks and depth 16. */
  RespReader reader(String resp) {
    return reader(bytes(resp), MAX_BULK, MAX_DEPTH);
  }

  RespReader reader(byte[] resp, int maxBulkLength, int maxDepth) {
    return new RespReader(open(resp), bufferSize, maxBulkLength, maxDepth);
  }

  static byte[] bytes(String resp) {
    return resp.getBytes(StandardCharsets.UTF_8);
  }
}
