package dev.respite.impl.protocol;

import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the decoder fuzz tests check on any bytes at all: reading replies ends in a reply, an error reply
 * ({@link RedisServerException}), a reply of another type than asked for (a plain {@link RedisException},
 * read whole), a {@link RedisProtocolException}, or an {@link EOFException} when the bytes run out; nothing
 * else, and never an error such as {@link OutOfMemoryError} or {@link StackOverflowError}.
 *
 * <p>The first byte steers the run: how the bytes arrive (all at once or one per read), tight or loose
 * limits, and which typed reads are used; the rest is the stream.
 */
final class DecoderFuzzTarget {
  static final AtomicLong EXECUTIONS = new AtomicLong();
  private static final int MAX_READS = 32;

  private DecoderFuzzTarget() {}

  static void decode(byte[] data) {
    EXECUTIONS.incrementAndGet();
    if (data.length == 0) {
      return;
    }
    int control = data[0] & 0xFF;
    byte[] stream = Arrays.copyOfRange(data, 1, data.length);
    InputStream in = (control & 1) == 0 ? new ByteArrayInputStream(stream) : new OneByteInputStream(stream);
    int maxBulk = (control & 2) == 0 ? 1 << 16 : 8;
    int maxDepth = (control & 4) == 0 ? 64 : 2;
    RespReader reader = new RespReader(in, ReadBuffer.MIN_CAPACITY, maxBulk, maxDepth);
    for (int i = 0; i < MAX_READS; i++) {
      try {
        readOne(reader, (control >>> 3) + i);
      } catch (RedisProtocolException | EOFException e) {
        return; // the stream's position is unknown now: a connection would be closed
      } catch (RedisServerException e) {
        continue; // an error reply, read whole
      } catch (RedisException e) {
        if (e.getClass() != RedisException.class || !e.getMessage().startsWith("Expected ")) {
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("an in-memory stream cannot fail but did", e);
      }
    }
  }

  private static void readOne(RespReader reader, int method) throws IOException {
    switch (Math.floorMod(method, 6)) {
      case 0:
        describe(reader.readReply());
        break;
      case 1:
        describe(reader.readReplyOrPush());
        break;
      case 2:
        reader.readBulkBytes();
        break;
      case 3:
        reader.readBulkString();
        break;
      case 4:
        reader.readInteger();
        break;
      default:
        reader.readStatus();
        break;
    }
  }

  /** Every reply must describe itself without failing, whatever it holds. */
  private static void describe(Reply reply) {
    if (reply.toString() == null || reply.type() == null) {
      throw new AssertionError("a reply without a description or type");
    }
  }
}
