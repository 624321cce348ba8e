package dev.respite.impl.command;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.command.ClientInfo;
import dev.respite.command.FunctionInfo;
import dev.respite.command.FunctionLibrary;
import dev.respite.command.ServerInfo;
import dev.respite.command.SlowLogEntry;
import dev.respite.command.WaitAofResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decoders of the administration replies; RESP3 maps and RESP2 flat arrays alike. */
final class AdminReplies {
  /** {@code INFO}: text (a RESP3 verbatim string) parsed into sections. */
  static final ReplyDecoder<ServerInfo> SERVER_INFO = ReplyDecoder.of(ServerInfo.parse(""),
      reply -> ServerInfo.parse(Decoders.text(reply)));

  /** {@code CLIENT LIST}: one line per connection. */
  static final ReplyDecoder<List<ClientInfo>> CLIENT_LIST = ReplyDecoder.of(List.of(), reply -> {
    List<ClientInfo> clients = new ArrayList<>();
    for (String line : Decoders.text(reply).split("\n")) {
      if (!line.isBlank()) {
        clients.add(ClientInfo.parse(line));
      }
    }
    return Collections.unmodifiableList(clients);
  });

  /** {@code CLIENT INFO}: one line. */
  static final ReplyDecoder<ClientInfo> CLIENT_INFO = ReplyDecoder.of(ClientInfo.parse(""),
      reply -> ClientInfo.parse(Decoders.text(reply)));

  /** {@code SLOWLOG GET}: [id, unix seconds, microseconds, [argument...], address, name] per entry. */
  static final ReplyDecoder<List<SlowLogEntry>> SLOWLOG = ReplyDecoder.of(List.of(), Decoders.list(reply -> {
    List<Reply> parts = reply.asList();
    if (parts.size() < 4) {
      throw new RedisException("Expected a slow log entry of at least 4 elements, got " + parts.size());
    }
    return new SlowLogEntry(parts.get(0).asLong(), Instant.ofEpochSecond(parts.get(1).asLong()),
        Duration.ofNanos(parts.get(2).asLong() * 1_000), Decoders.TEXT_LIST.decode(parts.get(3)),
        parts.size() > 4 ? Decoders.text(parts.get(4)) : "", parts.size() > 5 ? Decoders.text(parts.get(5)) : "");
  }));

  /** {@code WAITAOF}: [numlocal, numreplicas]. */
  static final ReplyDecoder<WaitAofResult> WAIT_AOF = ReplyDecoder.of(new WaitAofResult(0, 0), reply -> {
    List<Reply> parts = reply.asList();
    return new WaitAofResult(parts.get(0).asLong(), parts.get(1).asLong());
  });

  /** {@code FUNCTION LIST}: per library its name, engine, functions and, with WITHCODE, its code. */
  static final ReplyDecoder<List<FunctionLibrary>> FUNCTION_LIST = ReplyDecoder.of(List.of(),
      Decoders.list(AdminReplies::library));

  /** {@code FUNCTION DUMP}: the serialized libraries. */
  static final ReplyDecoder<byte[]> BYTES = ReplyDecoder.of(new byte[0], reply -> {
    byte[] bytes = reply.asBytes();
    if (bytes == null) {
      throw new RedisException("Expected bytes but got a null reply");
    }
    return bytes;
  });

  /** {@code MIGRATE}: {@code OK}, or {@code NOKEY} when none of the keys existed. */
  static final ReplyDecoder<Boolean> MIGRATED = ReplyDecoder.of(false, reply -> !"NOKEY".equals(reply.asString()));

  private AdminReplies() {}

  /** {@code PUBSUB NUMSUB}: channel and count alternating, kept in the order sent. */
  static <K, V> ReplyDecoder<Map<K, Long>> counts(TypedCodec<K, V> codec) {
    return ReplyDecoder.of(Map.of(), reply -> {
      List<Reply> items = Decoders.pairs(reply);
      Map<K, Long> out = new LinkedHashMap<>();
      for (int i = 0; i < items.size(); i += 2) {
        out.put(codec.decodeKey(items.get(i)), items.get(i + 1).asLong());
      }
      return Collections.unmodifiableMap(out);
    });
  }

  private static FunctionLibrary library(Reply reply) {
    Map<String, Reply> fields = Decoders.replyMap(reply);
    List<FunctionInfo> functions = new ArrayList<>();
    for (Reply function : field(fields, "functions").asList()) {
      Map<String, Reply> f = Decoders.replyMap(function);
      Set<String> flags = new LinkedHashSet<>(Decoders.TEXT_LIST.decode(field(f, "flags")));
      Reply description = f.get("description");
      functions.add(new FunctionInfo(Decoders.text(field(f, "name")),
          description == null ? null : description.asString(), Collections.unmodifiableSet(flags)));
    }
    Reply code = fields.get("library_code");
    return new FunctionLibrary(Decoders.text(field(fields, "library_name")), Decoders.text(field(fields, "engine")),
        Collections.unmodifiableList(functions), code == null ? null : code.asString());
  }

  private static Reply field(Map<String, Reply> fields, String name) {
    Reply value = fields.get(name);
    if (value == null) {
      throw new RedisException("Expected a field " + name + " but got " + fields.keySet());
    }
    return value;
  }
}
