package dev.respite.spring.boot.cache;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON with Jackson 3: {@code {"@class": "com.example.Book", "value": {...}}}, so that a cached object comes
 * back as its own class, not as a map. The class is read back with the application's class loader; only
 * the top-level value carries its class, so a generic collection's elements come back as Jackson reads them
 * untyped (maps), and such values want a serializer of their own. Jackson refuses its known dangerous
 * classes; still, whoever can write to the cache's keys chooses a class to instantiate, so keep the server
 * private to the application, as for any cache.
 */
public final class JsonCacheValueSerializer implements CacheValueSerializer {
  private static final String CLASS = "@class";
  private static final String VALUE = "value";

  private final ObjectMapper mapper;
  private final ClassLoader classLoader;

  /** A serializer writing with {@code mapper} and loading classes from {@code classLoader}. */
  public JsonCacheValueSerializer(ObjectMapper mapper, ClassLoader classLoader) {
    this.mapper = mapper;
    this.classLoader = classLoader;
  }

  @Override
  public byte[] serialize(Object value) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put(CLASS, value.getClass().getName());
    envelope.set(VALUE, mapper.valueToTree(value));
    return mapper.writeValueAsBytes(envelope);
  }

  @Override
  public Object deserialize(byte[] bytes) {
    JsonNode envelope = mapper.readTree(bytes);
    JsonNode type = envelope.get(CLASS);
    if (type == null || !type.isString() || !envelope.has(VALUE)) {
      throw new IllegalArgumentException("Cached value is not a Respite JSON envelope {\"@class\", \"value\"}");
    }
    Class<?> valueClass;
    try {
      valueClass = Class.forName(type.asString(), false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("Cached value's class is not on the class path: " + type.asString(), e);
    }
    return mapper.treeToValue(envelope.get(VALUE), valueClass);
  }
}
