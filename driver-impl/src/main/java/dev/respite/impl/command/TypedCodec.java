package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.command.KeyValue;
import dev.respite.command.RedisCodec;
import dev.respite.command.ScoredValue;
import dev.respite.impl.protocol.RespReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RedisCodec} as the families use it: encodes arguments, and holds the decoders whose result
 * types depend on the key and value types. The built-in codecs skip the codec: text goes straight between
 * {@code String} and the buffers, bytes are passed through.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TypedCodec<K, V> {
  private enum Kind { UTF8, BYTES, CUSTOM }

  /** The codec of {@link dev.respite.RedisSession}. */
  public static final TypedCodec<String, String> UTF8 = new TypedCodec<>(RedisCodec.utf8(), Kind.UTF8);
  /** The codec of the binary view. */
  public static final TypedCodec<byte[], byte[]> BYTES = new TypedCodec<>(RedisCodec.bytes(), Kind.BYTES);

  private final RedisCodec<K, V> codec;
  private final Kind kind;

  final ReplyDecoder<@Nullable V> value;
  final ReplyDecoder<@Nullable K> key;
  final ReplyDecoder<List<V>> values;
  final ReplyDecoder<List<@Nullable V>> nullableValues;
  final ReplyDecoder<List<K>> keys;
  final ReplyDecoder<Set<V>> valueSet;
  final ReplyDecoder<Map<K, V>> map;
  final ReplyDecoder<List<ScoredValue<V>>> scoredValues;
  final ReplyDecoder<@Nullable KeyValue<K, V>> keyValue;
  final ReplyDecoder<@Nullable KeyValue<K, ScoredValue<V>>> keyScoredValue;
  final ReplyDecoder<@Nullable KeyValue<K, List<V>>> keyValues;
  final ReplyDecoder<@Nullable KeyValue<K, List<ScoredValue<V>>>> keyScoredValues;
  final ReplyDecoder<List<KeyValue<K, V>>> keyValueList;

  private TypedCodec(RedisCodec<K, V> codec, Kind kind) {
    this.codec = codec;
    this.kind = kind;
    this.value = new ReplyDecoder<>(null) {
      @Override
      public @Nullable V read(RespReader reader) throws IOException {
        return readValue(reader);
      }

      @Override
      public @Nullable V decode(Reply reply) {
        return reply.isNull() ? null : decodeValue(reply);
      }
    };
    this.key = ReplyDecoder.of(null, reply -> reply.isNull() ? null : decodeKey(reply));
    this.values = ReplyDecoder.of(List.of(), Decoders.list(this::decodeValue));
    this.nullableValues = ReplyDecoder.<List<@Nullable V>>of(List.of(),
        Decoders.<@Nullable V>list(reply -> reply.isNull() ? null : decodeValue(reply)));
    this.keys = ReplyDecoder.of(List.of(), Decoders.list(this::decodeKey));
    this.valueSet = ReplyDecoder.of(Set.of(), reply -> {
      Set<V> set = new LinkedHashSet<>();
      for (Reply item : reply.asList()) {
        set.add(decodeValue(item));
      }
      return Collections.unmodifiableSet(set);
    });
    this.map = ReplyDecoder.of(Map.of(), reply -> {
      List<Reply> items = Decoders.pairs(reply);
      Map<K, V> out = new LinkedHashMap<>();
      for (int i = 0; i < items.size(); i += 2) {
        out.put(decodeKey(items.get(i)), decodeValue(items.get(i + 1)));
      }
      return Collections.unmodifiableMap(out);
    });
    this.scoredValues = ReplyDecoder.of(List.of(), this::scored);
    this.keyValue = ReplyDecoder.of(null, reply -> {
      if (reply.isNull()) {
        return null;
      }
      List<Reply> items = reply.asList();
      return new KeyValue<>(decodeKey(items.get(0)), decodeValue(items.get(1)));
    });
    this.keyScoredValue = ReplyDecoder.of(null, reply -> {
      if (reply.isNull()) {
        return null;
      }
      List<Reply> items = reply.asList();
      return new KeyValue<>(decodeKey(items.get(0)),
          new ScoredValue<>(decodeValue(items.get(1)), items.get(2).asDouble()));
    });
    this.keyValues = ReplyDecoder.of(null, reply -> reply.isNull() ? null
        : new KeyValue<>(decodeKey(reply.asList().get(0)), values.decode(reply.asList().get(1))));
    this.keyScoredValues = ReplyDecoder.of(null, reply -> reply.isNull() ? null
        : new KeyValue<>(decodeKey(reply.asList().get(0)), scored(reply.asList().get(1))));
    this.keyValueList = ReplyDecoder.of(List.of(), this::keyValuePairs);
  }

  /** The view of {@code codec}; the built-in codecs get their shared fast instances. */
  @SuppressWarnings("unchecked")
  public static <K, V> TypedCodec<K, V> of(RedisCodec<K, V> codec) {
    Objects.requireNonNull(codec, "codec");
    if (codec == RedisCodec.utf8()) {
      return (TypedCodec<K, V>) UTF8;
    }
    if (codec == RedisCodec.bytes()) {
      return (TypedCodec<K, V>) BYTES;
    }
    return new TypedCodec<>(codec, Kind.CUSTOM);
  }

  /** The argument for {@code key}: the string itself for UTF-8 (encoded straight into the buffer), else bytes. */
  public Object key(K key) {
    Objects.requireNonNull(key, "key");
    return kind == Kind.CUSTOM ? codec.encodeKey(key) : key;
  }

  /** The argument for {@code value}. */
  public Object value(V value) {
    Objects.requireNonNull(value, "value");
    return kind == Kind.CUSTOM ? codec.encodeValue(value) : value;
  }

  /** The argument for {@code value} with one ASCII byte before it, as lex range bounds need. */
  Object prefixedValue(char prefix, V value) {
    Object encoded = value(value);
    if (encoded instanceof String) {
      return prefix + (String) encoded;
    }
    byte[] bytes = (byte[]) encoded;
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) prefix;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  @SuppressWarnings("unchecked")
  private @Nullable V readValue(RespReader reader) throws IOException {
    switch (kind) {
      case UTF8:
        return (V) reader.readBulkString();
      case BYTES:
        return (V) reader.readBulkBytes();
      default:
        byte[] bytes = reader.readBulkBytes();
        return bytes == null ? null : codec.decodeValue(bytes);
    }
  }

  @SuppressWarnings("unchecked")
  V decodeValue(Reply reply) {
    switch (kind) {
      case UTF8:
        return (V) Decoders.text(reply);
      case BYTES:
        return (V) bytes(reply);
      default:
        return codec.decodeValue(bytes(reply));
    }
  }

  @SuppressWarnings("unchecked")
  K decodeKey(Reply reply) {
    switch (kind) {
      case UTF8:
        return (K) Decoders.text(reply);
      case BYTES:
        return (K) bytes(reply);
      default:
        return codec.decodeKey(bytes(reply));
    }
  }

  /** Members with scores: a RESP2 flat array, or RESP3 pairs. */
  List<ScoredValue<V>> scored(Reply reply) {
    List<Reply> items = reply.asList();
    List<ScoredValue<V>> out = new ArrayList<>(items.size() / 2 + 1);
    if (!items.isEmpty() && items.get(0).type() == ReplyType.ARRAY) {
      for (Reply pair : items) {
        List<Reply> parts = pair.asList();
        out.add(new ScoredValue<>(decodeValue(parts.get(0)), parts.get(1).asDouble()));
      }
    } else {
      for (int i = 0; i + 1 < items.size(); i += 2) {
        out.add(new ScoredValue<>(decodeValue(items.get(i)), items.get(i + 1).asDouble()));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Keys and values: a RESP2 flat array, or RESP3 [key, value] pairs ({@code HRANDFIELD ... WITHVALUES}). */
  private List<KeyValue<K, V>> keyValuePairs(Reply reply) {
    List<Reply> items = reply.asList();
    List<KeyValue<K, V>> out = new ArrayList<>(items.size() / 2 + 1);
    if (!items.isEmpty() && items.get(0).type() == ReplyType.ARRAY) {
      for (Reply pair : items) {
        List<Reply> parts = pair.asList();
        out.add(new KeyValue<>(decodeKey(parts.get(0)), decodeValue(parts.get(1))));
      }
    } else {
      for (int i = 0; i + 1 < items.size(); i += 2) {
        out.add(new KeyValue<>(decodeKey(items.get(i)), decodeValue(items.get(i + 1))));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static byte[] bytes(Reply reply) {
    byte[] bytes = reply.asBytes();
    if (bytes == null) {
      throw new RedisException("Expected a value but got a null reply");
    }
    return bytes;
  }
}
