package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.command.AutoClaimResult;
import dev.respite.command.AutoClaimedIds;
import dev.respite.command.PendingMessage;
import dev.respite.command.PendingSummary;
import dev.respite.command.StreamEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoders of stream replies; those holding keys or values are made for one codec. */
final class StreamReplies {
  static final ReplyDecoder<PendingSummary> SUMMARY = ReplyDecoder.of(new PendingSummary(0, null, null, Map.of()),
      reply -> {
        List<Reply> parts = reply.asList();
        Map<String, Long> consumers = new LinkedHashMap<>();
        for (Reply consumer : parts.get(3).asList()) {
          List<Reply> pair = consumer.asList();
          consumers.put(Decoders.text(pair.get(0)), pair.get(1).asLong());
        }
        return new PendingSummary(parts.get(0).asLong(), parts.get(1).asString(), parts.get(2).asString(),
            Collections.unmodifiableMap(consumers));
      });

  static final ReplyDecoder<List<PendingMessage>> PENDING = ReplyDecoder.of(List.of(), Decoders.list(reply -> {
    List<Reply> parts = reply.asList();
    return new PendingMessage(Decoders.text(parts.get(0)), Decoders.text(parts.get(1)),
        Duration.ofMillis(parts.get(2).asLong()), parts.get(3).asLong());
  }));

  static final ReplyDecoder<List<String>> IDS = ReplyDecoder.of(List.of(), Decoders.list(Decoders::text));

  /** {@code XAUTOCLAIM ... JUSTID}: [next id, [claimed id...], [deleted id...]]. */
  static final ReplyDecoder<AutoClaimedIds> AUTOCLAIM_IDS = ReplyDecoder.of(
      new AutoClaimedIds("0-0", List.of(), List.of()), reply -> {
        List<Reply> parts = reply.asList();
        List<String> deleted = parts.size() > 2 ? IDS.decode(parts.get(2)) : List.of();
        return new AutoClaimedIds(Decoders.text(parts.get(0)), IDS.decode(parts.get(1)), deleted);
      });

  private StreamReplies() {}

  static <K, V> ReplyDecoder<List<StreamEntry<K, V>>> entries(TypedCodec<K, V> codec) {
    return ReplyDecoder.of(List.of(), reply -> entryList(codec, reply));
  }

  /** {@code XREAD}: per stream its entries; a RESP3 map or a RESP2 array of pairs; null when nothing came. */
  static <K, V> ReplyDecoder<Map<K, List<StreamEntry<K, V>>>> streams(TypedCodec<K, V> codec) {
    return ReplyDecoder.of(Map.of(), reply -> {
      Map<K, List<StreamEntry<K, V>>> out = new LinkedHashMap<>();
      if (reply.isNull()) {
        return out;
      }
      List<Reply> items = reply.asList();
      if (reply.type() == dev.respite.ReplyType.MAP) {
        for (int i = 0; i < items.size(); i += 2) {
          out.put(codec.decodeKey(items.get(i)), entryList(codec, items.get(i + 1)));
        }
      } else {
        for (Reply stream : items) {
          List<Reply> pair = stream.asList();
          out.put(codec.decodeKey(pair.get(0)), entryList(codec, pair.get(1)));
        }
      }
      return Collections.unmodifiableMap(out);
    });
  }

  static <K, V> ReplyDecoder<AutoClaimResult<K, V>> autoClaim(TypedCodec<K, V> codec) {
    return ReplyDecoder.of(new AutoClaimResult<>("0-0", List.of(), List.of()), reply -> {
      List<Reply> parts = reply.asList();
      List<String> deleted = parts.size() > 2 ? IDS.decode(parts.get(2)) : List.of();
      return new AutoClaimResult<>(Decoders.text(parts.get(0)), entryList(codec, parts.get(1)), deleted);
    });
  }

  private static <K, V> List<StreamEntry<K, V>> entryList(TypedCodec<K, V> codec, Reply reply) {
    List<StreamEntry<K, V>> out = new ArrayList<>();
    for (Reply entry : reply.asList()) {
      if (entry.isNull()) {
        continue; // XCLAIM of an entry deleted meanwhile
      }
      List<Reply> parts = entry.asList();
      List<Reply> fields = parts.get(1).asList();
      Map<K, V> map = new LinkedHashMap<>();
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        map.put(codec.decodeKey(fields.get(i)), codec.decodeValue(fields.get(i + 1)));
      }
      out.add(new StreamEntry<>(Decoders.text(parts.get(0)), Collections.unmodifiableMap(map)));
    }
    return Collections.unmodifiableList(out);
  }
}
