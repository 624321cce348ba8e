package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.command.GeoCoordinates;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decoders of geo replies. */
final class GeoReplies {
  /** {@code GEOPOS}: a [longitude, latitude] pair, or null, per member. */
  static final ReplyDecoder<List<@Nullable GeoCoordinates>> POSITIONS = ReplyDecoder.<List<@Nullable GeoCoordinates>>of(List.of(),
      Decoders.<@Nullable GeoCoordinates>list(GeoReplies::position));

  private GeoReplies() {}

  private static @Nullable GeoCoordinates position(Reply reply) {
    if (reply.isNull()) {
      return null;
    }
    List<Reply> parts = reply.asList();
    return new GeoCoordinates(parts.get(0).asDouble(), parts.get(1).asDouble());
  }
}
