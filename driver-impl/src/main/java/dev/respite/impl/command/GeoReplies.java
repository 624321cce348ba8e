package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.command.GeoCoordinates;
import dev.respite.command.GeoMatch;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decoders of geo replies. */
final class GeoReplies {
  /** {@code GEOPOS}: a [longitude, latitude] pair, or null, per member. */
  static final ReplyDecoder<List<@Nullable GeoCoordinates>> POSITIONS = ReplyDecoder.<List<@Nullable GeoCoordinates>>of(List.of(),
      Decoders.<@Nullable GeoCoordinates>list(GeoReplies::position));

  private GeoReplies() {}

  /** {@code GEOSEARCH ... WITHDIST WITHCOORD}: [member, distance, [longitude, latitude]] per match. */
  static <K, V> ReplyDecoder<List<GeoMatch<V>>> matches(TypedCodec<K, V> codec) {
    return ReplyDecoder.of(List.of(), Decoders.list(reply -> {
      List<Reply> parts = reply.asList();
      GeoCoordinates position = position(parts.get(2));
      if (position == null) {
        throw new RedisException("GEOSEARCH WITHCOORD sent no position for a match");
      }
      return new GeoMatch<>(codec.decodeValue(parts.get(0)), parts.get(1).asDouble(), position);
    }));
  }

  private static @Nullable GeoCoordinates position(Reply reply) {
    if (reply.isNull()) {
      return null;
    }
    List<Reply> parts = reply.asList();
    return new GeoCoordinates(parts.get(0).asDouble(), parts.get(1).asDouble());
  }
}
