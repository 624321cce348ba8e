package dev.respite.impl.protocol;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What every reply shares: each conversion refuses unless a subclass supports it, and the display form. */
abstract class BaseReply implements Reply {

  @Override
  public boolean isNull() {
    return false;
  }

  @Override
  public @Nullable String asString() {
    throw cannotConvert("a string");
  }

  @Override
  public byte @Nullable [] asBytes() {
    throw cannotConvert("bytes");
  }

  @Override
  public long asLong() {
    throw cannotConvert("a long");
  }

  @Override
  public double asDouble() {
    throw cannotConvert("a double");
  }

  @Override
  public boolean asBoolean() {
    throw cannotConvert("a boolean");
  }

  @Override
  public List<Reply> asList() {
    throw cannotConvert("a list");
  }

  @Override
  public Map<String, Reply> asMap() {
    throw cannotConvert("a map");
  }

  final RedisException cannotConvert(String target) {
    return new RedisException("Cannot convert " + describe(type()) + " to " + target);
  }

  /** {@code an ARRAY reply}, {@code a MAP reply}: the type as messages name it. */
  static String describe(ReplyType type) {
    String name = type.name();
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " reply";
  }

  /** The reply as redis-cli shows it, cut short when long. */
  @Override
  public final String toString() {
    return ReplyText.render(this);
  }
}
