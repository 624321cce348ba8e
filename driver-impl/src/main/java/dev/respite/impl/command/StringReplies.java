package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.command.LcsMatch;
import dev.respite.command.LcsResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Decoders of string replies that are not a plain value. */
final class StringReplies {
  /**
   * {@code LCS ... IDX}: {@code matches} ([[start1, end1], [start2, end2], (length)] per run) and {@code len};
   * a RESP3 map or a RESP2 flat array.
   */
  static final ReplyDecoder<LcsResult> LCS_IDX = ReplyDecoder.of(new LcsResult(List.of(), 0), reply -> {
    Map<String, Reply> fields = Decoders.replyMap(reply);
    Reply matches = fields.get("matches");
    Reply length = fields.get("len");
    if (matches == null || length == null) {
      throw new RedisException("Expected LCS IDX fields matches and len but got " + fields.keySet());
    }
    List<LcsMatch> out = new ArrayList<>();
    for (Reply match : matches.asList()) {
      List<Reply> parts = match.asList();
      List<Reply> first = parts.get(0).asList();
      List<Reply> second = parts.get(1).asList();
      long firstStart = first.get(0).asLong();
      long firstEnd = first.get(1).asLong();
      // WITHMATCHLEN adds the run's length; without it, the run's bounds give it.
      long runLength = parts.size() > 2 ? parts.get(2).asLong() : firstEnd - firstStart + 1;
      out.add(new LcsMatch(firstStart, firstEnd, second.get(0).asLong(), second.get(1).asLong(), runLength));
    }
    return new LcsResult(Collections.unmodifiableList(out), length.asLong());
  });

  private StringReplies() {}
}
