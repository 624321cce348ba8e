package dev.respite.impl.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A plain, repeatable fuzz loop over the RESP decoder that needs no native fuzzer: from a fixed seed, it
 * builds valid RESP2/RESP3 values of every type, mutates them (flipped, inserted, deleted, duplicated bytes,
 * hostile lengths, cut-offs) and checks {@link DecoderFuzzTarget}'s rule on each. It runs
 * {@value #DEFAULT_EXECUTIONS} inputs in CI; {@code -Drespite.fuzz.executions=50000000} runs longer, and
 * {@code -Drespite.fuzz.seed=N} explores another sequence.
 */
class RespDecoderRandomizedFuzzTest {
  static final int DEFAULT_EXECUTIONS = 200_000;
  private static final long EXECUTIONS = Long.getLong("respite.fuzz.executions", DEFAULT_EXECUTIONS);
  private static final long SEED = Long.getLong("respite.fuzz.seed", 0x5EED_2026L);
  private static final String[] HOSTILE = {
    "\r\n", "\r", "\n", "-1", "-2", "0", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "536870912", "99999999999999999999", "*1\r\n*1\r\n*1\r\n*1\r\n", "$", "*", "%", "|", ">", "~", "_", "#t",
    ",nan", ",inf", ",-inf", ",1e999", "(", "=", "!", "txt:", "\u0000", "\u00ff"
  };

  @Test
  void mutatedRepliesGiveOnlyProtocolErrorsOrEndOfStream() {
    Random random = new Random(SEED);
    long before = DecoderFuzzTarget.EXECUTIONS.get();
    for (long i = 0; i < EXECUTIONS; i++) {
      byte[] input = random.nextInt(20) == 0 ? randomBytes(random) : mutate(random, wellFormed(random));
      try {
        DecoderFuzzTarget.decode(input);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("input #" + i + " (seed " + SEED + "): " + HexFormat.of().formatHex(input), e);
      }
    }
    long ran = DecoderFuzzTarget.EXECUTIONS.get() - before;
    System.out.println("[reliability] decoder fuzz executions (randomized, seed " + SEED + "): " + ran);
    assertThat(ran).isEqualTo(EXECUTIONS);
  }

  /** A control byte, then one to four valid values. */
  private static byte[] wellFormed(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(random.nextInt(256));
    int values = 1 + random.nextInt(4);
    for (int i = 0; i < values; i++) {
      value(random, out, 0);
    }
    return out.toByteArray();
  }

  private static void value(Random random, ByteArrayOutputStream out, int depth) {
    int kind = random.nextInt(depth > 4 ? 12 : 17);
    switch (kind) {
      case 0 -> write(out, "+" + word(random) + "\r\n");
      case 1 -> write(out, "-ERR " + word(random) + "\r\n");
      case 2 -> write(out, ":" + random.nextLong() + "\r\n");
      case 3 -> {
        String text = word(random);
        write(out, "$" + text.length() + "\r\n" + text + "\r\n");
      }
      case 4 -> write(out, "$-1\r\n");
      case 5 -> write(out, "_\r\n");
      case 6 -> write(out, random.nextBoolean() ? "#t\r\n" : "#f\r\n");
      case 7 -> write(out, "," + random.nextDouble() * 1e6 + "\r\n");
      case 8 -> write(out, "(" + random.nextLong() + random.nextInt(1000) + "\r\n");
      case 9 -> {
        String text = "txt:" + word(random);
        write(out, "=" + text.length() + "\r\n" + text + "\r\n");
      }
      case 10 -> {
        String text = "ERR " + word(random);
        write(out, "!" + text.length() + "\r\n" + text + "\r\n");
      }
      case 11 -> write(out, "*-1\r\n");
      default -> {
        char type = "*%~>|".charAt(kind - 12);
        int count = random.nextInt(4);
        write(out, type + Integer.toString(count) + "\r\n");
        int elements = type == '%' || type == '|' ? 2 * count : count;
        for (int i = 0; i < elements; i++) {
          value(random, out, depth + 1);
        }
        if (type == '|') {
          value(random, out, depth + 1); // an attribute precedes the value it describes
        }
      }
    }
  }

  private static byte[] mutate(Random random, byte[] input) {
    byte[] bytes = input;
    int mutations = random.nextInt(5);
    for (int m = 0; m < mutations && bytes.length > 1; m++) {
      int at = 1 + random.nextInt(bytes.length - 1);
      switch (random.nextInt(6)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> bytes = splice(bytes, at, at + random.nextInt(Math.min(8, bytes.length - at) + 1), new byte[0]);
        case 3 -> bytes = splice(bytes, at, at,
            HOSTILE[random.nextInt(HOSTILE.length)].getBytes(StandardCharsets.ISO_8859_1));
        case 4 -> bytes = splice(bytes, at, at, Arrays.copyOfRange(bytes, at,
            Math.min(bytes.length, at + 1 + random.nextInt(16))));
        default -> bytes = Arrays.copyOf(bytes, at); // cut off
      }
    }
    return bytes;
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(64)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
    byte[] result = new byte[bytes.length - (to - from) + insert.length];
    System.arraycopy(bytes, 0, result, 0, from);
    System.arraycopy(insert, 0, result, from, insert.length);
    System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
    return result;
  }

  private static String word(Random random) {
    int length = random.nextInt(12);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
