package dev.respite.impl.protocol;

import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads RESP2 and RESP3 replies from a stream, through a buffer.
 *
 * <p>Every read consumes exactly one whole top-level reply, even when it then throws because the reply is
 * an error or of another type than asked for, so that the stream stays in step with the commands sent;
 * {@link #completedReplies()} counts them. Only {@link IOException} (an {@link EOFException} when the
 * stream ends mid-reply) and {@link RedisProtocolException} (bytes that are not valid RESP, or over a
 * limit) leave the position in the stream unknown: the connection must then be closed.
 *
 * <p>Defences against a broken or hostile peer: bulk lengths are checked against {@code maxBulkLength}
 * before any allocation, and memory grows only as bytes actually arrive; nesting deeper than
 * {@code maxNestingDepth} is refused without recursion. RESP3 attributes are read and discarded; top-level
 * push messages are out-of-band and go to the {@linkplain #setPushHandler push handler}.
 *
 * <p>Not thread-safe: one reader belongs to one connection, used by one thread at a time.
 */
public final class RespReader {
  private static final Consumer<Reply> DROP = push -> { };

  private final ReadBuffer input;
  private final ReplyParser parser;
  private final int maxBulkLength;
  private Consumer<Reply> pushHandler = DROP;
  private long completed;

  /**
   * A reader over {@code in}.
   *
   * @param bufferSize the read buffer's size in bytes; at least 64 are used
   * @param maxBulkLength the largest bulk string, and the longest simple string or error line, accepted
   * @param maxNestingDepth the deepest nesting of aggregates accepted; a top-level array is depth 1
   */
  public RespReader(InputStream in, int bufferSize, int maxBulkLength, int maxNestingDepth) {
    if (maxBulkLength < 0 || maxNestingDepth < 1) {
      throw new IllegalArgumentException("maxBulkLength must be >= 0 and maxNestingDepth >= 1, got "
          + maxBulkLength + " and " + maxNestingDepth);
    }
    this.input = new ReadBuffer(Objects.requireNonNull(in, "in"), bufferSize);
    // No byte[] can be longer, whatever the configuration says.
    this.maxBulkLength = Math.min(maxBulkLength, Integer.MAX_VALUE - 8);
    this.parser = new ReplyParser(input, this.maxBulkLength, maxNestingDepth);
  }

  /**
   * Reads the next reply. Top-level push messages before it go to the push handler.
   *
   * @throws RedisServerException if the reply is an error (nested errors are replies of type ERROR)
   */
  public Reply readReply() throws IOException {
    Reply reply;
    do {
      reply = readWhole(input.readByte(), false);
    } while (reply == null);
    return reply;
  }

  /**
   * Reads the next reply or top-level push message, returning a push instead of giving it to the handler;
   * a push returned this way counts in {@link #completedReplies()}.
   *
   * @throws RedisServerException if the reply is an error
   */
  public Reply readReplyOrPush() throws IOException {
    return Objects.requireNonNull(readWhole(input.readByte(), true));
  }

  /**
   * Reads a bulk string (or a simple or verbatim string, the latter without its format) as bytes.
   *
   * @return the bytes, or null for a null reply
   * @throws RedisServerException if the reply is an error
   * @throws RedisException if the reply is of another type; it was read whole
   */
  public byte @Nullable [] readBulkBytes() throws IOException {
    for (;;) {
      int type = input.readByte();
      if (type == TypeByte.BULK_STRING) {
        int length = parser.bulkLength("bulk string", true);
        byte[] value = length < 0 ? null : input.readBulk(length);
        completed++;
        return value;
      }
      Reply reply = readWhole(type, false);
      if (reply != null) {
        return isString(reply) ? ((StringReply) reply).bytes() : nullOrThrow(reply, "a bulk string");
      }
    }
  }

  /**
   * Reads a bulk string (or a simple or verbatim string, the latter without its format) as UTF-8 text.
   *
   * @return the text, or null for a null reply
   * @throws RedisServerException if the reply is an error
   * @throws RedisException if the reply is of another type; it was read whole
   */
  public @Nullable String readBulkString() throws IOException {
    for (;;) {
      int type = input.readByte();
      if (type == TypeByte.BULK_STRING) {
        int length = parser.bulkLength("bulk string", true);
        String value = length < 0 ? null : input.readBulkText(length);
        completed++;
        return value;
      }
      Reply reply = readWhole(type, false);
      if (reply != null) {
        return isString(reply) ? reply.asString() : nullOrThrow(reply, "a bulk string");
      }
    }
  }

  /**
   * Reads an integer reply.
   *
   * @throws RedisServerException if the reply is an error
   * @throws RedisException if the reply is of another type; it was read whole
   */
  public long readInteger() throws IOException {
    for (;;) {
      int type = input.readByte();
      if (type == TypeByte.INTEGER) {
        long value = input.readNumber("integer");
        completed++;
        return value;
      }
      Reply reply = readWhole(type, false);
      if (reply != null) {
        if (reply.type() == ReplyType.INTEGER) {
          return reply.asLong();
        }
        throw unexpected("an integer", reply);
      }
    }
  }

  /**
   * Reads a status such as {@code OK}, {@code PONG} or {@code QUEUED}: a simple string, or a bulk string.
   *
   * @throws RedisServerException if the reply is an error
   * @throws RedisException if the reply is of another type, null included; it was read whole
   */
  public String readStatus() throws IOException {
    for (;;) {
      int type = input.readByte();
      if (type == TypeByte.SIMPLE_STRING) {
        String value = input.readLineText(maxBulkLength, "simple string");
        completed++;
        return value;
      }
      Reply reply = readWhole(type, false);
      if (reply != null) {
        if (reply.type() == ReplyType.SIMPLE_STRING || reply.type() == ReplyType.BULK_STRING) {
          return Objects.requireNonNull(reply.asString());
        }
        throw unexpected("a status", reply);
      }
    }
  }

  /**
   * How many top-level replies were read whole so far, errors and replies of an unexpected type included.
   * Pushes given to the push handler do not count.
   */
  public long completedReplies() {
    return completed;
  }

  /** Whether bytes were read from the stream that no read has consumed yet. */
  public boolean hasBufferedInput() {
    return input.hasBuffered();
  }

  /**
   * Consumes the RESP3 push frames at the front of what was read ahead, giving each to the push handler: a
   * push may arrive in the same read as a reply (a key invalidation written with the next {@code +OK}), and
   * it answers no command.
   *
   * @return true if nothing else is buffered; false if bytes of something else wait, which answer no command
   */
  public boolean consumeBufferedPushes() throws IOException {
    while (input.hasBuffered()) {
      if (input.peekBuffered() != TypeByte.PUSH) {
        return false;
      }
      pushHandler.accept(parser.readValue(input.readByte()));
    }
    return true;
  }

  /**
   * Sets what receives top-level push messages met while reading replies; by default they are dropped.
   * The handler runs on the reading thread, after the push was read whole; what it throws propagates to
   * the read.
   */
  public void setPushHandler(Consumer<Reply> handler) {
    this.pushHandler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Reads the rest of a top-level value and settles its fate: a push goes to the handler (null is
   * returned), anything else counts as a completed reply, and an error is thrown.
   */
  private @Nullable Reply readWhole(int type, boolean returnPush) throws IOException {
    Reply reply = parser.readValue(type);
    if (reply.type() == ReplyType.PUSH && !returnPush) {
      pushHandler.accept(reply);
      return null;
    }
    completed++;
    if (reply.type() == ReplyType.ERROR) {
      throw new RedisServerException(Objects.requireNonNull(reply.asString()));
    }
    return reply;
  }

  private static boolean isString(Reply reply) {
    ReplyType type = reply.type();
    return type == ReplyType.BULK_STRING || type == ReplyType.SIMPLE_STRING || type == ReplyType.VERBATIM_STRING;
  }

  private static <T> @Nullable T nullOrThrow(Reply reply, String expected) {
    if (reply.isNull()) {
      return null;
    }
    throw unexpected(expected, reply);
  }

  private static RedisException unexpected(String expected, Reply reply) {
    return new RedisException("Expected " + expected + " reply but got " + reply.type());
  }
}
