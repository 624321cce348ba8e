package dev.respite.spring.boot.cache;

import java.nio.charset.StandardCharsets;

/**
 * The serializer used when Jackson is not on the class path: {@code String} values as UTF-8, nothing else
 * (never JDK serialization, which runs code chosen by whoever can write to the cache).
 */
public final class TextCacheValueSerializer implements CacheValueSerializer {

  @Override
  public byte[] serialize(Object value) {
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException("Respite's cache stores only String values without Jackson; got a "
        + value.getClass().getName() + ". Add tools.jackson.core:jackson-databind for JSON, or define a "
        + CacheValueSerializer.class.getSimpleName() + " bean");
  }

  @Override
  public Object deserialize(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
