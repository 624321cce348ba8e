package dev.respite.impl.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.Reply;
import dev.respite.ReplyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the writer writes, the reader reads back unchanged (a command is an array of bulk strings). */
class RespRoundTripTest {

  @ParameterizedTest
  @EnumSource(Feed.class)
  void everyByteValueSurvivesTheRoundTrip(Feed feed) throws IOException {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RespWriter writer = new RespWriter(out, 64);
    writer.writeArrayHeader(256 + 1);
    writer.writeBulk(all);
    for (int i = 0; i < 256; i++) {
      writer.writeBulk(new byte[] {(byte) i});
    }
    writer.flush();

    Reply command = feed.reader(out.toByteArray(), Feed.MAX_BULK, Feed.MAX_DEPTH).readReply();
    List<Reply> words = command.asList();
    assertThat(words).hasSize(257).allMatch(word -> word.type() == ReplyType.BULK_STRING);
    assertThat(words.get(0).asBytes()).isEqualTo(all);
    for (int i = 0; i < 256; i++) {
      assertThat(words.get(i + 1).asBytes()).containsExactly((byte) i);
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void pipelinedCommandsOfEveryArgumentKindSurvive(Feed feed) throws IOException {
    Random random = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RespWriter writer = new RespWriter(out, 100);
    ProtocolKeyword set = ProtocolKeyword.of("set");
    String[] texts = new String[50];
    byte[][] blobs = new byte[50][];
    long[] numbers = new long[50];
    for (int i = 0; i < 50; i++) {
      texts[i] = randomText(random, random.nextInt(300));
      blobs[i] = new byte[random.nextInt(500)];
      random.nextBytes(blobs[i]);
      numbers[i] = random.nextLong();
      writer.writeArrayHeader(4);
      writer.writeKeyword(set);
      writer.writeBulk(texts[i]);
      writer.writeBulk(blobs[i]);
      writer.writeBulk(numbers[i]);
    }
    writer.flush();

    RespReader reader = feed.reader(out.toByteArray(), Feed.MAX_BULK, Feed.MAX_DEPTH);
    for (int i = 0; i < 50; i++) {
      List<Reply> words = reader.readReply().asList();
      assertThat(words.get(0).asString()).isEqualTo("SET");
      assertThat(words.get(1).asBytes()).isEqualTo(texts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(words.get(2).asBytes()).isEqualTo(blobs[i]);
      assertThat(words.get(3).asLong()).isEqualTo(numbers[i]);
    }
    assertThat(reader.completedReplies()).isEqualTo(50);
    assertThat(reader.hasBufferedInput()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void textReadBackWithReadBulkStringIsEqual(Feed feed) throws IOException {
    Random random = new Random(7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RespWriter writer = new RespWriter(out, 64);
    String[] texts = new String[40];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = randomValidText(random, i * 50);
      writer.writeBulk(texts[i]);
    }
    writer.flush();
    RespReader reader = feed.reader(out.toByteArray(), Feed.MAX_BULK, Feed.MAX_DEPTH);
    for (String text : texts) {
      assertThat(reader.readBulkString()).isEqualTo(text);
    }
  }

  /** Any chars, unpaired surrogates included. */
  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
    }
    return text.toString();
  }

  /** Whole code points only, so that UTF-8 decoding gives the same string back. */
  private static String randomValidText(Random random, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int codePoint;
      do {
        codePoint = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x800);
      } while (Character.getType(codePoint) == Character.SURROGATE);
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }
}
