package dev.respite.command;

import java.nio.charset.StandardCharsets;

/** The two codecs the driver knows by identity and bypasses for speed. */
final class BuiltInCodecs {
  static final RedisCodec<String, String> UTF8 = new RedisCodec<>() {
    @Override
    public byte[] encodeKey(String key) {
      return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decodeKey(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encodeValue(String value) {
      return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decodeValue(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "RedisCodec.utf8()";
    }
  };

  static final RedisCodec<byte[], byte[]> BYTES = new RedisCodec<>() {
    @Override
    public byte[] encodeKey(byte[] key) {
      return key;
    }

    @Override
    public byte[] decodeKey(byte[] bytes) {
      return bytes;
    }

    @Override
    public byte[] encodeValue(byte[] value) {
      return value;
    }

    @Override
    public byte[] decodeValue(byte[] bytes) {
      return bytes;
    }

    @Override
    public String toString() {
      return "RedisCodec.bytes()";
    }
  };

  private BuiltInCodecs() {}
}
