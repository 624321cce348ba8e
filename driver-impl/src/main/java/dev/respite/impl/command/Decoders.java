package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.protocol.Replies;
import dev.respite.impl.protocol.RespReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Decoders that do not depend on a codec. Each is a stateless singleton. */
final class Decoders {
  /** A status such as {@code OK}, read straight from the buffer. */
  static final ReplyDecoder<String> STATUS = new ReplyDecoder<>("") {
    @Override
    public String read(RespReader reader) throws IOException {
      return reader.readStatus();
    }

    @Override
    public String decode(Reply reply) {
      return Objects.requireNonNull(reply.asString());
    }
  };

  /** An integer, read straight from the buffer. */
  static final ReplyDecoder<Long> LONG = new ReplyDecoder<>(0L) {
    @Override
    public Long read(RespReader reader) throws IOException {
      return reader.readInteger();
    }

    @Override
    public Long decode(Reply reply) {
      return reply.asLong();
    }
  };

  /** An integer 1 or 0 (or a RESP3 boolean). */
  static final ReplyDecoder<Boolean> BOOLEAN = new ReplyDecoder<>(false) {
    @Override
    public Boolean read(RespReader reader) throws IOException {
      return reader.readInteger() != 0;
    }

    @Override
    public Boolean decode(Reply reply) {
      return reply.type() == ReplyType.INTEGER ? reply.asLong() != 0 : reply.asBoolean();
    }
  };

  /** Whether the reply is not null: a {@code SET ... NX} that wrote answers {@code OK}, one that did not, null. */
  static final ReplyDecoder<Boolean> NOT_NULL = ReplyDecoder.of(false, reply -> !reply.isNull());

  static final ReplyDecoder<@Nullable Long> NULLABLE_LONG =
      ReplyDecoder.of(null, reply -> reply.isNull() ? null : reply.asLong());

  static final ReplyDecoder<Double> DOUBLE = ReplyDecoder.of(0.0, Reply::asDouble);

  static final ReplyDecoder<@Nullable Double> NULLABLE_DOUBLE =
      ReplyDecoder.of(null, reply -> reply.isNull() ? null : reply.asDouble());

  /** Text, read straight from the buffer; null for a null reply. */
  static final ReplyDecoder<@Nullable String> TEXT = new ReplyDecoder<>(null) {
    @Override
    public @Nullable String read(RespReader reader) throws IOException {
      return reader.readBulkString();
    }

    @Override
    public @Nullable String decode(Reply reply) {
      return reply.asString();
    }
  };

  static final ReplyDecoder<Reply> REPLY = ReplyDecoder.of(Replies.ofNull(), reply -> reply);

  /** A reply, or a RESP3 push taken as the reply: how a subscribing command is confirmed in RESP3. */
  static final ReplyDecoder<Reply> REPLY_OR_PUSH = new ReplyDecoder<>(Replies.ofNull()) {
    @Override
    public Reply read(RespReader reader) throws IOException {
      return reader.readReplyOrPush();
    }

    @Override
    public Reply decode(Reply reply) {
      return reply;
    }
  };

  static final ReplyDecoder<List<Long>> LONG_LIST = ReplyDecoder.of(List.of(), list(Reply::asLong));

  static final ReplyDecoder<List<Boolean>> BOOLEAN_LIST =
      ReplyDecoder.of(List.of(), list(reply -> reply.type() == ReplyType.INTEGER ? reply.asLong() != 0
          : reply.asBoolean()));

  static final ReplyDecoder<List<@Nullable Double>> NULLABLE_DOUBLE_LIST = ReplyDecoder.<List<@Nullable Double>>of(
      List.of(), Decoders.<@Nullable Double>list(reply -> reply.isNull() ? null : reply.asDouble()));

  static final ReplyDecoder<List<@Nullable Long>> NULLABLE_LONG_LIST =
      ReplyDecoder.<List<@Nullable Long>>of(List.of(), Decoders.<@Nullable Long>list(reply -> reply.isNull() ? null : reply.asLong()));

  static final ReplyDecoder<List<String>> TEXT_LIST = ReplyDecoder.of(List.of(), list(Decoders::text));

  static final ReplyDecoder<List<@Nullable String>> NULLABLE_TEXT_LIST =
      ReplyDecoder.<List<@Nullable String>>of(List.of(), Decoders.<@Nullable String>list(Reply::asString));

  static final ReplyDecoder<Map<String, String>> TEXT_MAP = ReplyDecoder.of(Map.of(), reply -> {
    List<Reply> items = pairs(reply);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i += 2) {
      map.put(text(items.get(i)), text(items.get(i + 1)));
    }
    return Collections.unmodifiableMap(map);
  });

  static final ReplyDecoder<Map<String, Reply>> REPLY_MAP = ReplyDecoder.of(Map.of(), Decoders::replyMap);

  static final ReplyDecoder<@Nullable Map<String, Reply>> NULLABLE_REPLY_MAP =
      ReplyDecoder.of(null, reply -> reply.isNull() ? null : replyMap(reply));

  static final ReplyDecoder<List<Map<String, Reply>>> REPLY_MAP_LIST =
      ReplyDecoder.of(List.of(), list(Decoders::replyMap));

  /** {@code TIME}: seconds and microseconds, as text. */
  static final ReplyDecoder<Instant> TIME = ReplyDecoder.of(Instant.EPOCH, reply -> {
    List<Reply> parts = reply.asList();
    return Instant.ofEpochSecond(parts.get(0).asLong(), parts.get(1).asLong() * 1_000);
  });

  static final ReplyDecoder<Instant> EPOCH_SECONDS = ReplyDecoder.of(Instant.EPOCH,
      reply -> Instant.ofEpochSecond(reply.asLong()));

  /** {@code PEXPIRETIME}: milliseconds, or -1 (no expiry) and -2 (no key) which become null. */
  static final ReplyDecoder<@Nullable Instant> EXPIRY_MILLIS = ReplyDecoder.of(null, reply -> {
    long millis = reply.asLong();
    return millis < 0 ? null : Instant.ofEpochMilli(millis);
  });

  /** Text that is never null ({@code INFO}, {@code SCRIPT LOAD}); a null reply is an error. */
  static final ReplyDecoder<String> NON_NULL_TEXT = nonNull(TEXT);

  private Decoders() {}

  /**
   * {@code decoder}, for a reply that is never null: a null reply fails the command. The family method then
   * returns {@code run(...)} as it is, which keeps the recording rule (a method never looks at the value).
   */
  // The placeholder (null for an object) only ever reaches a recording view, which discards it by design.
  @SuppressWarnings({"unchecked", "NullAway"})
  static <T> ReplyDecoder<T> nonNull(ReplyDecoder<@Nullable T> decoder) {
    return new ReplyDecoder<>((T) decoder.placeholder()) {
      @Override
      public T read(RespReader reader) throws IOException {
        return required(decoder.read(reader));
      }

      @Override
      public T decode(Reply reply) {
        return required(decoder.decode(reply));
      }
    };
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new RedisException("Expected a value but got a null reply");
    }
    return value;
  }

  /** Elements decoded one by one; an unmodifiable list that may hold nulls. */
  static <T extends @Nullable Object> Function<Reply, List<T>> list(Function<Reply, T> element) {
    return reply -> {
      List<Reply> items = reply.asList();
      List<T> out = new ArrayList<>(items.size());
      for (Reply item : items) {
        out.add(element.apply(item));
      }
      return Collections.unmodifiableList(out);
    };
  }

  /** Keys and values alternating, from a RESP3 map or a RESP2 flat array. */
  static List<Reply> pairs(Reply reply) {
    List<Reply> items = reply.asList();
    if (items.size() % 2 != 0) {
      throw new RedisException("Expected keys and values in pairs but got " + items.size() + " elements");
    }
    return items;
  }

  static String text(Reply reply) {
    String text = reply.asString();
    if (text == null) {
      throw new RedisException("Expected text but got a null reply");
    }
    return text;
  }

  static Map<String, Reply> replyMap(Reply reply) {
    List<Reply> items = pairs(reply);
    Map<String, Reply> map = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i += 2) {
      map.put(text(items.get(i)), items.get(i + 1));
    }
    return Collections.unmodifiableMap(map);
  }
}
