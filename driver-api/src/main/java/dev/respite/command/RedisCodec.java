package dev.respite.command;

/**
 * Turns keys and values into the bytes Redis stores, and back. A session is the {@link #utf8()} view;
 * {@link RedisOperations#withCodec(RedisCodec)} gives a view with any other codec over the same connection.
 *
 * <p>The built-in {@link #utf8()} and {@link #bytes()} codecs are recognised by the driver and never called:
 * text is encoded straight into the write buffer and decoded straight from the read buffer. A custom codec
 * (JSON, a compressed form, ...) is called once per key or value. Implementations must be thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface RedisCodec<K, V> {

  /** The bytes for {@code key}. */
  byte[] encodeKey(K key);

  /** The key for {@code bytes}, as a key or field name came back from the server. */
  K decodeKey(byte[] bytes);

  /** The bytes for {@code value}. */
  byte[] encodeValue(V value);

  /** The value for {@code bytes} as the server sent them. */
  V decodeValue(byte[] bytes);

  /** Keys and values as UTF-8 text: what {@link dev.respite.RedisSession} uses. */
  static RedisCodec<String, String> utf8() {
    return BuiltInCodecs.UTF8;
  }

  /** Keys and values as raw bytes, binary-safe; arrays are passed as they are, never copied. */
  static RedisCodec<byte[], byte[]> bytes() {
    return BuiltInCodecs.BYTES;
  }
}
