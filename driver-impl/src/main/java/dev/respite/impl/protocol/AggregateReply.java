package dev.respite.impl.protocol;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An array, set, push or map; a map's list alternates keys and values, in the order sent. */
final class AggregateReply extends BaseReply {
  private final ReplyType type;
  private final List<Reply> elements;

  /** {@code elements} must be unmodifiable and not kept by the caller. */
  AggregateReply(ReplyType type, List<Reply> elements) {
    this.type = type;
    this.elements = elements;
  }

  @Override
  public ReplyType type() {
    return type;
  }

  @Override
  public List<Reply> asList() {
    return elements;
  }

  @Override
  public Map<String, Reply> asMap() {
    if (type != ReplyType.MAP && type != ReplyType.ARRAY) {
      throw cannotConvert("a map");
    }
    int size = elements.size();
    if (size % 2 != 0) {
      throw new RedisException("Cannot convert " + describe(type) + " of odd length " + size + " to a map");
    }
    Map<String, Reply> map = new LinkedHashMap<>(size);
    for (int i = 0; i < size; i += 2) {
      map.put(keyText(elements.get(i)), elements.get(i + 1));
    }
    return Collections.unmodifiableMap(map);
  }

  private String keyText(Reply key) {
    String text = key.isNull() || key instanceof AggregateReply ? null : key.asString();
    if (text == null) {
      throw new RedisException("Cannot convert " + describe(type) + " to a map: a key is " + describe(key.type()));
    }
    return text;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || o instanceof AggregateReply && type == ((AggregateReply) o).type
        && elements.equals(((AggregateReply) o).elements);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + elements.hashCode();
  }
}
