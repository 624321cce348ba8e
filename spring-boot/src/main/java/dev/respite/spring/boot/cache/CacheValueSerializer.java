package dev.respite.spring.boot.cache;

/**
 * Turns cached values into bytes and back. Define a bean of this type to replace the default: JSON
 * ({@link JsonCacheValueSerializer}) when Jackson 3 is on the class path, else {@link TextCacheValueSerializer}.
 * Null values never reach it (the cache stores them itself).
 */
public interface CacheValueSerializer {

  /** The bytes stored for {@code value}. */
  byte[] serialize(Object value);

  /** The value read back, of the type that was stored. */
  Object deserialize(byte[] bytes);
}
