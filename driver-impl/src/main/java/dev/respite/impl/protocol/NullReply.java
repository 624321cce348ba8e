package dev.respite.impl.protocol;

import dev.respite.Reply;
import dev.respite.ReplyType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The null reply, whichever of {@code $-1}, {@code *-1} or {@code _} the server sent; a singleton. */
final class NullReply extends BaseReply {
  static final NullReply INSTANCE = new NullReply();

  private NullReply() {}

  @Override
  public ReplyType type() {
    return ReplyType.NULL;
  }

  @Override
  public boolean isNull() {
    return true;
  }

  @Override
  public @Nullable String asString() {
    return null;
  }

  @Override
  public byte @Nullable [] asBytes() {
    return null;
  }

  @Override
  public List<Reply> asList() {
    return List.of();
  }

  @Override
  public Map<String, Reply> asMap() {
    return Map.of();
  }
}
