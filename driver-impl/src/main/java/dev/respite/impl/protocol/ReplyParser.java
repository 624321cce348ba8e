package dev.respite.impl.protocol;

import dev.respite.RedisProtocolException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns RESP2/RESP3 values into {@link Reply} objects. Aggregates are built on an explicit stack of at most
 * {@code maxDepth} frames rather than by recursion, so that hostile nesting gives a protocol error and
 * never a {@link StackOverflowError}. Attributes are parsed and discarded wherever they appear. Not
 * thread-safe.
 */
final class ReplyParser {
  /** The largest list a JVM reliably allocates. */
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
  /** Servers send at most about 25 characters; the slack only admits unusual but valid spellings. */
  private static final int MAX_DOUBLE_LINE = 512;
  private static final int FIRST_CAPACITY = 16;

  private final ReadBuffer input;
  private final int maxBulkLength;
  private final int maxDepth;
  private @Nullable Frame[] frames;
  private int depth;

  ReplyParser(ReadBuffer input, int maxBulkLength, int maxDepth) {
    this.input = input;
    this.maxBulkLength = maxBulkLength;
    this.maxDepth = maxDepth;
    this.frames = new Frame[Math.max(1, Math.min(maxDepth, 8))];
  }

  /** Reads the whole value whose type byte {@code type} was just read. */
  Reply readValue(int type) throws IOException {
    depth = 0;
    try {
      for (;;) {
        @Nullable Reply value = isAggregate(type) ? openAggregate(type) : readScalar(type);
        // A value completes its parent frame, which may complete its own parent, and so on.
        while (value != null) {
          if (depth == 0) {
            return value;
          }
          value = frame(depth - 1).add(value) ? closeFrame() : null;
        }
        type = input.readByte();
      }
    } finally {
      for (int i = 0; i < depth; i++) {
        frame(i).items = null; // after a failure, do not keep half a reply reachable
      }
      depth = 0;
    }
  }

  /**
   * Reads a bulk length line and checks it against the limit.
   *
   * @return the length, or -1 for RESP2's null bulk string when {@code nullable}
   */
  int bulkLength(String what, boolean nullable) throws IOException {
    long length = input.readNumber(what);
    if (length == -1 && nullable) {
      return -1;
    }
    if (length < 0) {
      throw new RedisProtocolException("Negative " + what + " length " + length);
    }
    if (length > maxBulkLength) {
      throw new RedisProtocolException("A " + what + " of " + length + " bytes exceeds the limit of "
          + maxBulkLength + " bytes");
    }
    return (int) length;
  }

  private static boolean isAggregate(int type) {
    return type == TypeByte.ARRAY || type == TypeByte.MAP || type == TypeByte.SET || type == TypeByte.PUSH
        || type == TypeByte.ATTRIBUTE;
  }

  /** Reads an aggregate's header: returns it if complete (empty or null), else pushes a frame for it. */
  private @Nullable Reply openAggregate(int type) throws IOException {
    long count = input.readNumber("aggregate length");
    if (count == -1 && type != TypeByte.ATTRIBUTE && type != TypeByte.PUSH) {
      return NullReply.INSTANCE;
    }
    if (count < 0) {
      throw new RedisProtocolException("Negative aggregate length " + count);
    }
    boolean pairs = type == TypeByte.MAP || type == TypeByte.ATTRIBUTE;
    if (count > (pairs ? MAX_ELEMENTS / 2 : MAX_ELEMENTS)) {
      throw new RedisProtocolException("Aggregate length " + count + " is larger than any list can be");
    }
    if (depth >= maxDepth) {
      throw new RedisProtocolException("Reply nested deeper than the limit of " + maxDepth + " levels");
    }
    int elements = (int) (pairs ? 2 * count : count);
    @Nullable ReplyType replyType = aggregateType(type);
    if (elements == 0) {
      return replyType == null ? null : new AggregateReply(replyType, List.of());
    }
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, (int) Math.min(maxDepth, 2L * depth));
    }
    Frame frame = frames[depth];
    if (frame == null) {
      frame = new Frame();
      frames[depth] = frame;
    }
    frame.type = replyType;
    frame.remaining = elements;
    // Grow as elements arrive: the count is the peer's claim, not memory it has paid for.
    frame.items = replyType == null ? null : new ArrayList<>(Math.min(elements, FIRST_CAPACITY));
    depth++;
    return null;
  }

  /** The frame at {@code index}: every frame below {@code depth} was allocated when it was opened. */
  private Frame frame(int index) {
    return Objects.requireNonNull(frames[index]);
  }

  /** The finished aggregate of the top frame, or null for an attribute, which the next value replaces. */
  private @Nullable Reply closeFrame() {
    Frame frame = frame(--depth);
    List<Reply> items = frame.items;
    frame.items = null;
    return frame.type == null || items == null
        ? null : new AggregateReply(frame.type, Collections.unmodifiableList(items));
  }

  private static @Nullable ReplyType aggregateType(int type) {
    switch (type) {
      case TypeByte.ARRAY:
        return ReplyType.ARRAY;
      case TypeByte.MAP:
        return ReplyType.MAP;
      case TypeByte.SET:
        return ReplyType.SET;
      case TypeByte.PUSH:
        return ReplyType.PUSH;
      default:
        return null;
    }
  }

  private Reply readScalar(int type) throws IOException {
    switch (type) {
      case TypeByte.BULK_STRING:
        int length = bulkLength("bulk string", true);
        return length < 0 ? NullReply.INSTANCE : new StringReply(ReplyType.BULK_STRING, input.readBulk(length));
      case TypeByte.SIMPLE_STRING:
        return new StringReply(ReplyType.SIMPLE_STRING, input.readLine(maxBulkLength, "simple string"));
      case TypeByte.INTEGER:
        return IntegerReply.of(input.readNumber("integer"));
      case TypeByte.SIMPLE_ERROR:
        return new StringReply(ReplyType.ERROR, input.readLine(maxBulkLength, "error"));
      case TypeByte.BULK_ERROR:
        return new StringReply(ReplyType.ERROR, input.readBulk(bulkLength("bulk error", false)));
      case TypeByte.NULL:
        input.readLine(0, "null");
        return NullReply.INSTANCE;
      case TypeByte.BOOLEAN:
        return readBoolean();
      case TypeByte.DOUBLE:
        return readDouble();
      case TypeByte.BIG_NUMBER:
        byte[] digits = input.readLine(maxBulkLength, "big number");
        if (!DecimalText.isInteger(digits)) {
          throw new RedisProtocolException("Invalid big number " + EscapedText.quote(digits, 40));
        }
        return new StringReply(ReplyType.BIG_NUMBER, digits);
      case TypeByte.VERBATIM_STRING:
        return readVerbatim();
      default:
        throw new RedisProtocolException("Unknown RESP type byte " + TypeByte.describe(type));
    }
  }

  private Reply readBoolean() throws IOException {
    byte[] line = input.readLine(1, "boolean");
    if (line.length == 1 && (line[0] == 't' || line[0] == 'f')) {
      return BooleanReply.of(line[0] == 't');
    }
    throw new RedisProtocolException("Invalid boolean " + EscapedText.quote(line, 1) + ", expected t or f");
  }

  private Reply readDouble() throws IOException {
    byte[] line = input.readLine(MAX_DOUBLE_LINE, "double");
    String text = new String(line, StandardCharsets.ISO_8859_1);
    try {
      return new DoubleReply(DecimalText.parseDouble(text), text);
    } catch (NumberFormatException e) {
      throw new RedisProtocolException("Invalid double " + EscapedText.quote(line, 40) + ": " + e.getMessage());
    }
  }

  private Reply readVerbatim() throws IOException {
    int length = bulkLength("verbatim string", false);
    if (length < 4) {
      throw new RedisProtocolException("Verbatim string of " + length + " bytes has no room for its format");
    }
    byte[] body = input.readBulk(length);
    if (body[3] != ':') {
      throw new RedisProtocolException("Verbatim string without ':' after its three-byte format");
    }
    String format = new String(body, 0, 3, StandardCharsets.ISO_8859_1);
    return StringReply.verbatim(format, Arrays.copyOfRange(body, 4, length));
  }

  /** One aggregate being filled; an attribute when {@code type} is null, whose elements are dropped. */
  private static final class Frame {
    @Nullable ReplyType type;
    int remaining;
    @Nullable List<Reply> items;

    /** Adds the next element; true when that was the last one. */
    boolean add(Reply value) {
      if (items != null) {
        items.add(value);
      }
      return --remaining == 0;
    }
  }
}
