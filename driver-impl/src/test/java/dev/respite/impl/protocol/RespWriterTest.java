package dev.respite.impl.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact bytes the writer produces, and when they reach the stream. */
class RespWriterTest {
  private static final ProtocolKeyword SET = ProtocolKeyword.of("SET");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void commandIsAnArrayOfBulkStrings() throws IOException {
    RespWriter writer = new RespWriter(out, 1024);
    writer.writeArrayHeader(5);
    writer.writeKeyword(SET);
    writer.writeBulk("key");
    writer.writeBulk(new byte[] {1, 0, '\r', '\n'});
    writer.writeKeyword(ProtocolKeyword.of("ex"));
    writer.writeBulk(60L);
    writer.flush();
    assertThat(written()).isEqualTo("*5\r\n$3\r\nSET\r\n$3\r\nkey\r\n$4\r\n\u0001\u0000\r\n\r\n$2\r\nEX\r\n$2\r\n60\r\n");
  }

  @Test
  void nothingReachesTheStreamBeforeFlush() throws IOException {
    CountingStream counting = new CountingStream();
    RespWriter writer = new RespWriter(counting, 1024);
    writer.writeArrayHeader(1);
    writer.writeKeyword(ProtocolKeyword.of("PING"));
    assertThat(counting.writes).isZero();
    writer.flush();
    assertThat(counting.writes).isEqualTo(1);
    assertThat(counting.flushes).isEqualTo(1);
  }

  @Test
  void emptyValuesAreEmptyBulkStrings() throws IOException {
    RespWriter writer = new RespWriter(out, 64);
    writer.writeBulk("");
    writer.writeBulk(new byte[0]);
    writer.flush();
    assertThat(written()).isEqualTo("$0\r\n\r\n$0\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 9, 10, -10, 99, 100, 123456789, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
      999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L})
  void longIsWrittenAsItsDecimalText(long value) throws IOException {
    RespWriter writer = new RespWriter(out, 64);
    writer.writeBulk(value);
    writer.flush();
    String text = Long.toString(value);
    assertThat(written()).isEqualTo("$" + text.length() + "\r\n" + text + "\r\n");
  }

  @Test
  void longsFillingTheBufferAreAllWritten() throws IOException {
    RespWriter writer = new RespWriter(out, 64);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      writer.writeBulk(Long.MIN_VALUE);
      expected.append("$20\r\n").append(Long.MIN_VALUE).append("\r\n");
    }
    writer.flush();
    assertThat(written()).isEqualTo(expected.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain ascii", "é", "héllo", "€uro", "日本語のテキスト", "😀", "a😀b", "\uD83D\uDE00\uD83D\uDE01",
      "\uD800", "\uDC00", "x\uD800y", "x\uDC00\uD800y", "\uD800\uD800\uDC00", "end\uD83D", "\u0000\u007F\u0080\u07FF\u0800\uFFFF"})
  void stringIsEncodedExactlyAsGetBytesUtf8(String value) throws IOException {
    RespWriter writer = new RespWriter(out, 64);
    writer.writeBulk(value);
    writer.flush();
    assertThat(out.toByteArray()).isEqualTo(bulk(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void asciiAndNonAsciiStringsAroundTheOnePassLimitMatchGetBytesUtf8() throws IOException {
    RespWriter writer = new RespWriter(out, 1024);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int length : new int[] {1, 63, 64, 511, 512, 513, 1000, 1017, 1018, 1019, 1024, 2000}) {
      String ascii = "k".repeat(length);
      String lastCharNot = ascii.substring(1) + "é"; // found only after every other char was copied
      String firstCharNot = "Ā" + ascii.substring(1); // would be 0x00 if narrowed without a check
      for (String value : List.of(ascii, lastCharNot, firstCharNot, ascii)) {
        writer.writeBulk(value);
        expected.writeBytes(bulk(value.getBytes(StandardCharsets.UTF_8)));
      }
    }
    writer.flush();
    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void surrogatePairsAtTheEdgeOfALongStringsChunksStayWhole() throws IOException {
    RespWriter writer = new RespWriter(out, 256);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    // Long strings are encoded 512 chars at a time: put a pair, and unpaired halves, on every side of 512.
    for (int before = 505; before <= 515; before++) {
      for (String tail : List.of("😀", "\uD800", "\uD800x", "\uDC00", "😀😀", "é😀")) {
        String value = "a".repeat(before) + tail + "z".repeat(600) + tail;
        writer.writeBulk(value);
        expected.writeBytes(bulk(value.getBytes(StandardCharsets.UTF_8)));
      }
    }
    writer.flush();
    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void multiByteTextLargerThanTheBufferIsEncodedAcrossFlushes() throws IOException {
    String value = "aé€😀\uD800".repeat(5000);
    RespWriter writer = new RespWriter(out, 64);
    writer.writeBulk(value);
    writer.flush();
    assertThat(out.toByteArray()).isEqualTo(bulk(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void asciiTextLargerThanTheBufferIsWhole() throws IOException {
    String value = "0123456789".repeat(1000);
    RespWriter writer = new RespWriter(out, 100);
    writer.writeArrayHeader(1);
    writer.writeBulk(value);
    writer.flush();
    assertThat(written()).isEqualTo("*1\r\n$10000\r\n" + value + "\r\n");
  }

  @Test
  void bytesLargerThanTheBufferBypassItAfterWhatWasBuffered() throws IOException {
    byte[] value = new byte[10_000];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) i;
    }
    CountingStream counting = new CountingStream();
    RespWriter writer = new RespWriter(counting, 1024);
    writer.writeArrayHeader(2);
    writer.writeKeyword(SET);
    writer.writeBulk(value);
    writer.flush();
    assertThat(counting.bytes.toByteArray()).isEqualTo(concat(Feed.bytes("*2\r\n$3\r\nSET\r\n$10000\r\n"), value,
        Feed.bytes("\r\n")));
    assertThat(counting.largestWrite).isEqualTo(value.length);
  }

  @Test
  void bytesThatDoNotFitWhatIsLeftOfTheBufferAreWhole() throws IOException {
    RespWriter writer = new RespWriter(out, 64);
    List<byte[]> expected = new ArrayList<>();
    for (int size = 0; size < 200; size += 7) {
      byte[] value = new byte[size];
      java.util.Arrays.fill(value, (byte) size);
      writer.writeBulk(value);
      expected.add(bulk(value));
    }
    writer.flush();
    assertThat(out.toByteArray()).isEqualTo(concat(expected.toArray(new byte[0][])));
  }

  @Test
  void sliceOfAnArrayIsWritten() throws IOException {
    RespWriter writer = new RespWriter(out, 64);
    writer.writeBulk(Feed.bytes("xxhelloxx"), 2, 5);
    writer.flush();
    assertThat(written()).isEqualTo("$5\r\nhello\r\n");
    assertThatThrownBy(() -> writer.writeBulk(new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void negativeArrayLengthIsRefused() {
    RespWriter writer = new RespWriter(out, 64);
    assertThatThrownBy(() -> writer.writeArrayHeader(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tinyBufferSizeStillWritesWholeCommands() throws IOException {
    RespWriter writer = new RespWriter(out, 1);
    writer.writeArrayHeader(Integer.MAX_VALUE);
    writer.writeKeyword(ProtocolKeyword.of("A".repeat(100)));
    writer.writeBulk(Long.MIN_VALUE);
    writer.flush();
    assertThat(written()).isEqualTo("*2147483647\r\n$100\r\n" + "A".repeat(100) + "\r\n$20\r\n-9223372036854775808\r\n");
  }

  private String written() {
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bulk(byte[] value) {
    return concat(Feed.bytes("$" + value.length + "\r\n"), value, Feed.bytes("\r\n"));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  /** Records how the writer uses its stream. */
  private static final class CountingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;
    int flushes;
    int largestWrite;

    @Override
    public void write(int b) {
      writes++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      largestWrite = Math.max(largestWrite, len);
      bytes.write(b, off, len);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }
}
