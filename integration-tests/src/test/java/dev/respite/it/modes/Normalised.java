package dev.respite.it.modes;

import dev.respite.Reply;
import dev.respite.command.AutoClaimResult;
import dev.respite.command.KeyValue;
import dev.respite.command.ScoredValue;
import dev.respite.command.StreamEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A reply in plain, comparable Java values, so that one expected value serves RESP2 and RESP3, the
 * {@code String} and the {@code byte[]} view: bytes become UTF-8 text, a {@link Reply} becomes the string,
 * number, list or map it holds, and the driver's records are rebuilt around normalised parts.
 */
final class Normalised {
  private Normalised() {}

  static @Nullable Object of(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Reply reply) {
      return reply(reply);
    }
    if (value instanceof Set<?> set) {
      Set<@Nullable Object> copy = new HashSet<>();
      set.forEach(e -> copy.add(of(e)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<@Nullable Object> copy = new ArrayList<>();
      list.forEach(e -> copy.add(of(e)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<@Nullable Object, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(of(k), of(v)));
      return copy;
    }
    if (value instanceof KeyValue<?, ?> kv) {
      return new KeyValue<>(of(kv.key()), of(kv.value()));
    }
    if (value instanceof ScoredValue<?> scored) {
      return new ScoredValue<>(of(scored.value()), scored.score());
    }
    if (value instanceof StreamEntry<?, ?> entry) {
      return new StreamEntry<>(entry.id(), (Map<?, ?>) of(entry.fields()));
    }
    if (value instanceof AutoClaimResult<?, ?> claim) {
      return List.of(claim.nextId(), of(claim.entries()), claim.deletedIds());
    }
    if (value instanceof Integer i) {
      return i.longValue(); // rows may write 3 for a long reply
    }
    return value;
  }

  private static @Nullable Object reply(Reply reply) {
    return switch (reply.type()) {
      case NULL -> null;
      case SIMPLE_STRING, BULK_STRING, VERBATIM_STRING, BIG_NUMBER -> reply.asString();
      case ERROR -> "error " + reply.asString();
      case INTEGER -> reply.asLong();
      case DOUBLE -> reply.asDouble();
      case BOOLEAN -> reply.asBoolean();
      case ARRAY, SET, PUSH -> of(reply.asList());
      case MAP -> of(reply.asMap());
    };
  }
}
