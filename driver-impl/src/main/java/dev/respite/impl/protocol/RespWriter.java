package dev.respite.impl.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes commands in RESP through a buffer: each command is an array of bulk strings (never the inline
 * form, which cannot carry binary data). Nothing reaches the stream before the buffer fills or
 * {@link #flush()} is called, so a pipeline of commands costs one write.
 *
 * <p>Values are encoded straight into the buffer, allocating nothing: strings as UTF-8 exactly as
 * {@link String#getBytes(java.nio.charset.Charset) getBytes(UTF_8)} would encode them (an unpaired
 * surrogate becomes {@code '?'}), numbers as decimal text. Arrays at least as large as the buffer go
 * straight to the stream.
 *
 * <p>Not thread-safe: one writer belongs to one connection, used by one thread at a time. After an
 * {@link IOException} the bytes already written are unknown, so the connection must be closed.
 */
public final class RespWriter {
  /** Room for the longest header plus a whole long value, so that neither needs splitting. */
  private static final int MIN_BUFFER = 64;
  /** The longest UTF-8 sequence, so that one character never needs splitting across flushes. */
  private static final int MAX_UTF8_BYTES = 4;
  /** Chars encoded per {@link String#getChars} copy; longer strings go through in chunks. */
  private static final int SCRATCH_CHARS = 512;

  private final OutputStream out;
  private final byte[] buf;
  /** Strings are copied here first: a loop over an array is about twice as fast as one over {@code charAt}. */
  private final char[] scratch = new char[SCRATCH_CHARS];
  private int pos;
  private long bytesWritten;

  /**
   * A writer over {@code out}.
   *
   * @param bufferSize the write buffer's size in bytes; at least 64 are used
   */
  public RespWriter(OutputStream out, int bufferSize) {
    this.out = Objects.requireNonNull(out, "out");
    this.buf = new byte[Math.max(bufferSize, MIN_BUFFER)];
  }

  /** Starts a command of {@code count} words, the command name included: {@code *<count>\r\n}. */
  public void writeArrayHeader(int count) throws IOException {
    if (count < 0) {
      throw new IllegalArgumentException("Negative array length " + count);
    }
    writeHeader('*', count);
  }

  /** Writes a keyword or command name. */
  public void writeKeyword(ProtocolKeyword keyword) throws IOException {
    writeRaw(keyword.encoded(), 0, keyword.encoded().length);
  }

  /** Writes {@code value} as a bulk string, binary-safe. */
  public void writeBulk(byte[] value) throws IOException {
    writeBulk(value, 0, value.length);
  }

  /** Writes {@code value[offset, offset + length)} as a bulk string, binary-safe. */
  public void writeBulk(byte[] value, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, value.length);
    writeHeader('$', length);
    writeRaw(value, offset, length);
    writeCrLf();
  }

  /** Writes {@code value} as a bulk string of its UTF-8 bytes. */
  public void writeBulk(String value) throws IOException {
    int n = value.length();
    if (n <= SCRATCH_CHARS) {
      value.getChars(0, n, scratch, 0);
      if (!tryWriteAsciiBulk(n)) {
        writeHeader('$', Utf8.encodedLength(scratch, n));
        writeChars(n);
        writeCrLf();
      }
      return;
    }
    long length = 0;
    for (int from = 0, to; from < n; from = to) {
      to = chunkEnd(value, from);
      value.getChars(from, to, scratch, 0);
      length += Utf8.encodedLength(scratch, to - from);
    }
    writeHeader('$', length);
    for (int from = 0, to; from < n; from = to) {
      to = chunkEnd(value, from);
      value.getChars(from, to, scratch, 0);
      writeChars(to - from);
    }
    writeCrLf();
  }

  /**
   * Writes the {@code n} chars in {@code scratch} as a bulk string in one pass if they are ASCII (most keys
   * and values): the header as if every char were one byte, then the chars, checking as it copies.
   *
   * @return false, with nothing written, if they are not ASCII or do not fit the buffer
   */
  private boolean tryWriteAsciiBulk(int n) throws IOException {
    int size = 1 + DecimalText.length(n) + 2 + n + 2;
    if (size > buf.length) {
      return false;
    }
    ensure(size);
    char[] chars = scratch;
    byte[] b = buf;
    int p = pos;
    b[p++] = '$';
    p = DecimalText.write(n, b, p);
    b[p++] = '\r';
    b[p++] = '\n';
    int seen = 0;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      seen |= c;
      b[p + i] = (byte) c;
    }
    if (seen >= 0x80) {
      return false; // pos unchanged: the bytes past it are overwritten by the UTF-8 path
    }
    p += n;
    b[p++] = '\r';
    b[p++] = '\n';
    pos = p;
    return true;
  }

  /** Where the chunk of a long string starting at {@code from} ends: never inside a surrogate pair. */
  private static int chunkEnd(String value, int from) {
    int to = Math.min(value.length(), from + SCRATCH_CHARS);
    if (to < value.length() && Character.isHighSurrogate(value.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** Writes {@code value} as a bulk string of its decimal text, as Redis expects numeric arguments. */
  public void writeBulk(long value) throws IOException {
    int digits = DecimalText.length(value);
    ensure(1 + 2 + 2 + digits + 2);
    buf[pos++] = '$';
    pos = DecimalText.write(digits, buf, pos);
    buf[pos++] = '\r';
    buf[pos++] = '\n';
    pos = DecimalText.write(value, buf, pos);
    buf[pos++] = '\r';
    buf[pos++] = '\n';
  }

  /** Sends everything buffered to the stream, and flushes the stream. */
  public void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  private void writeHeader(char type, long length) throws IOException {
    ensure(1 + 20 + 2);
    buf[pos++] = (byte) type;
    pos = DecimalText.write(length, buf, pos);
    buf[pos++] = '\r';
    buf[pos++] = '\n';
  }

  private void writeCrLf() throws IOException {
    ensure(2);
    buf[pos++] = '\r';
    buf[pos++] = '\n';
  }

  private void writeRaw(byte[] bytes, int offset, int length) throws IOException {
    if (length > buf.length - pos) {
      flushBuffer();
      if (length >= buf.length) {
        out.write(bytes, offset, length); // copying into the buffer would only add a copy
        bytesWritten += length;
        return;
      }
    }
    System.arraycopy(bytes, offset, buf, pos, length);
    pos += length;
  }

  /** Writes the first {@code n} chars of {@code scratch} as UTF-8, flushing as the buffer fills. */
  private void writeChars(int n) throws IOException {
    char[] chars = scratch;
    int i = 0;
    while (i < n) {
      if (buf.length - pos < MAX_UTF8_BYTES) {
        flushBuffer();
      }
      char c = chars[i];
      if (c < 0x80) {
        int end = Math.min(n, i + buf.length - pos); // a run of ASCII, as far as the buffer has room
        int p = pos;
        while (i < end && (c = chars[i]) < 0x80) {
          buf[p++] = (byte) c;
          i++;
        }
        pos = p;
        continue;
      }
      if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | c >> 6);
        buf[pos++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        buf[pos++] = (byte) (0xE0 | c >> 12);
        buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
        buf[pos++] = (byte) (0x80 | c & 0x3F);
      } else if (Utf8.isPairAt(chars, i, n)) {
        int codePoint = Character.toCodePoint(c, chars[++i]);
        buf[pos++] = (byte) (0xF0 | codePoint >> 18);
        buf[pos++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        buf[pos++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        buf[pos++] = (byte) (0x80 | codePoint & 0x3F);
      } else {
        buf[pos++] = Utf8.REPLACEMENT;
      }
      i++;
    }
  }

  private void ensure(int n) throws IOException {
    if (buf.length - pos < n) {
      flushBuffer();
    }
  }

  /** Bytes handed to the stream so far (a plain counter, for JFR events; buffered bytes count once flushed). */
  public long bytesWritten() {
    return bytesWritten;
  }

  private void flushBuffer() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      bytesWritten += pos;
      pos = 0;
    }
  }
}
