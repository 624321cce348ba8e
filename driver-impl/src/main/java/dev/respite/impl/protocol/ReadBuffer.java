package dev.respite.impl.protocol;

import dev.respite.RedisProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The byte level of RESP: a read buffer over the socket that cuts out CRLF-terminated lines and
 * length-prefixed bulk bodies, checking every terminator. It never allocates from a length it has not
 * checked, and never more than the bytes that actually arrived justify. Not thread-safe.
 */
final class ReadBuffer {
  /** Room for any number line and its CRLF, so that number lines are always parsed in place. */
  static final int MIN_CAPACITY = 64;

  /** A sign and 19 digits: the longest valid integer line. */
  private static final int MAX_NUMBER_LINE = 1 + DecimalText.MAX_LONG_DIGITS;

  /** Bulk strings up to this size are allocated whole at once; larger ones grow as bytes arrive. */
  private static final int EXACT_UP_TO = 4 * 1024 * 1024;

  private static final byte[] EMPTY = new byte[0];

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  /** How many bytes after {@code pos} the current line scan has already looked at. */
  private int scanned;
  /** The start of a line too long for the buffer; only between {@link #lineEnd} and its caller. */
  private byte @Nullable [] spill;
  private int spilled;

  ReadBuffer(InputStream in, int capacity) {
    this.in = in;
    this.buf = new byte[Math.max(capacity, MIN_CAPACITY)];
  }

  boolean hasBuffered() {
    return pos < limit;
  }

  /** The next buffered byte, unsigned, without consuming it; only when {@link #hasBuffered()}. */
  int peekBuffered() {
    return buf[pos] & 0xFF;
  }

  /** The next byte, unsigned. */
  int readByte() throws IOException {
    if (pos == limit) {
      fill();
    }
    return buf[pos++] & 0xFF;
  }

  /** Reads a line holding a signed 64-bit decimal, parsed in place. */
  long readNumber(String what) throws IOException {
    int cr = lineEnd(MAX_NUMBER_LINE, what);
    long value;
    try {
      value = DecimalText.parseLong(buf, pos, cr, false);
    } catch (NumberFormatException e) {
      throw new RedisProtocolException("Invalid " + what + " " + EscapedText.quote(buf, pos, cr, MAX_NUMBER_LINE)
          + ": " + e.getMessage());
    }
    pos = cr + 2;
    return value;
  }

  /** Reads a line of at most {@code maxLength} bytes (without its CRLF). */
  byte[] readLine(int maxLength, String what) throws IOException {
    int cr = lineEnd(maxLength, what);
    byte[] line = spilled > 0 ? joinSpill(cr) : cr == pos ? EMPTY : Arrays.copyOfRange(buf, pos, cr);
    pos = cr + 2;
    return line;
  }

  /** Reads a line as UTF-8, decoded from the buffer when it fits there. */
  String readLineText(int maxLength, String what) throws IOException {
    int cr = lineEnd(maxLength, what);
    String text;
    if (spilled > 0) {
      text = new String(joinSpill(cr), StandardCharsets.UTF_8);
    } else if (cr - pos == 2 && buf[pos] == 'O' && buf[pos + 1] == 'K') {
      text = "OK"; // the reply to most writes; worth sparing the allocation
    } else {
      text = new String(buf, pos, cr - pos, StandardCharsets.UTF_8);
    }
    pos = cr + 2;
    return text;
  }

  /** Reads a bulk body of {@code length} bytes, already checked against the limit, and its CRLF. */
  byte[] readBulk(int length) throws IOException {
    if (length <= buf.length - 2) {
      require(length + 2);
      checkCrLf(pos + length);
      byte[] value = length == 0 ? EMPTY : Arrays.copyOfRange(buf, pos, pos + length);
      pos += length + 2;
      return value;
    }
    byte[] value = readLarge(length);
    require(2);
    checkCrLf(pos);
    pos += 2;
    return value;
  }

  /** Reads a bulk body as UTF-8, decoded straight from the buffer when it fits there. */
  String readBulkText(int length) throws IOException {
    if (length > buf.length - 2) {
      return new String(readBulk(length), StandardCharsets.UTF_8);
    }
    require(length + 2);
    checkCrLf(pos + length);
    String text = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length + 2;
    return text;
  }

  private byte[] readLarge(int length) throws IOException {
    int have = Math.min(limit - pos, length);
    // Up to EXACT_UP_TO the array is made at its final size (no copies for a 1 MB value); beyond, it grows
    // with what arrives, so that a huge length announced by a broken peer costs little memory.
    byte[] value = new byte[Math.max(have, Math.min(length, EXACT_UP_TO))];
    System.arraycopy(buf, pos, value, 0, have);
    pos += have;
    while (have < length) {
      if (have == value.length) {
        value = Arrays.copyOf(value, (int) Math.min(length, 2L * value.length));
      }
      have += readSome(value, have, value.length - have);
    }
    return value;
  }

  private void checkCrLf(int at) {
    if (buf[at] != '\r' || buf[at + 1] != '\n') {
      throw new RedisProtocolException("Bulk string not followed by CRLF");
    }
  }

  /**
   * Finds the CR ending the line at {@code pos}, reading as needed. A line longer than the buffer moves to
   * {@link #spill} piece by piece, never past {@code maxLength}.
   */
  private int lineEnd(int maxLength, String what) throws IOException {
    scanned = 0;
    spilled = 0;
    for (;;) {
      int cr = findCrLf();
      long length = (long) spilled + (cr >= 0 ? cr - pos : scanned);
      if (length > maxLength) {
        spill = null;
        throw new RedisProtocolException(capitalized(what) + " line longer than " + maxLength + " bytes");
      }
      if (cr >= 0) {
        return cr;
      }
      if (pos == 0 && limit == buf.length) {
        spillScanned(maxLength);
      }
      fill();
    }
  }

  /** Looks for CRLF from where the last look stopped: the CR's index, or -1 when more bytes are needed. */
  private int findCrLf() {
    int i = pos + scanned;
    while (i < limit) {
      byte b = buf[i];
      if (b == '\r') {
        if (i + 1 == limit) {
          break;
        }
        if (buf[i + 1] != '\n') {
          throw new RedisProtocolException("CR not followed by LF in a line");
        }
        return i;
      }
      if (b == '\n') {
        throw new RedisProtocolException("LF without CR in a line");
      }
      i++;
    }
    scanned = i - pos;
    return -1;
  }

  private void spillScanned(int maxLength) {
    int needed = spilled + scanned;
    byte[] target = spill;
    if (target == null || target.length < needed) {
      int grown = target == null ? needed : (int) Math.min(maxLength, 2L * target.length);
      target = Arrays.copyOf(target == null ? EMPTY : target, Math.max(needed, grown));
      spill = target;
    }
    System.arraycopy(buf, pos, target, spilled, scanned);
    spilled = needed;
    pos += scanned;
    scanned = 0;
  }

  private byte[] joinSpill(int cr) {
    byte[] head = spill;
    spill = null;
    int tail = cr - pos;
    byte[] line = Arrays.copyOf(head == null ? EMPTY : head, spilled + tail);
    System.arraycopy(buf, pos, line, spilled, tail);
    spilled = 0;
    return line;
  }

  /** Makes {@code n} bytes (at most the capacity) available from {@code pos}. */
  private void require(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    if (buf.length - pos < n) {
      compact();
    }
    while (limit - pos < n) {
      fill();
    }
  }

  /** Reads at least one more byte, keeping the unread ones; the buffer must not be full of them. */
  private void fill() throws IOException {
    if (pos == limit) {
      pos = 0;
      limit = 0;
    } else if (limit == buf.length) {
      compact();
    }
    limit += readSome(buf, limit, buf.length - limit);
  }

  private void compact() {
    int n = limit - pos;
    System.arraycopy(buf, pos, buf, 0, n);
    pos = 0;
    limit = n;
  }

  /** Reads at least one byte into {@code dst}, or throws {@link EOFException} at the end of the stream. */
  private int readSome(byte[] dst, int offset, int length) throws IOException {
    int n = in.read(dst, offset, length);
    if (n == 0) {
      // Against the InputStream contract; a one-byte read must block or report the end, so this cannot spin.
      int b = in.read();
      if (b >= 0) {
        dst[offset] = (byte) b;
        return 1;
      }
      n = -1;
    }
    if (n < 0) {
      throw new EOFException("Server closed the connection");
    }
    return n;
  }

  private static String capitalized(String what) {
    return Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
