package dev.respite.impl.sentinel;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.topology.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Sentinel's replies. {@code SENTINEL GET-MASTER-ADDR-BY-NAME} is {@code [ip, port]} (port as a string) or
 * null for an unknown name in both protocols; {@code SENTINEL REPLICAS} and {@code SENTINEL SENTINELS} are an
 * array with one entry per instance, a flat array of alternating names and values in RESP2 and a map in RESP3
 * ({@link Reply#asMap()} reads both). An instance without a usable address (no {@code ip}, an empty one, or no
 * valid {@code port}) is left out: there is nothing to connect to.
 */
public final class SentinelReplies {

  private SentinelReplies() {}

  /**
   * The primary's address from {@code SENTINEL GET-MASTER-ADDR-BY-NAME}, or null if the sentinel does not know the
   * name.
   *
   * @throws RedisException naming the reply if it is not a two-element address
   */
  public static @Nullable NodeAddress primaryAddress(Reply reply) {
    if (reply.isNull()) {
      return null;
    }
    List<Reply> parts = reply.type() == ReplyType.ARRAY ? reply.asList() : List.of();
    if (parts.size() != 2) {
      throw new RedisException("Unexpected SENTINEL GET-MASTER-ADDR-BY-NAME reply, expected [ip, port]: " + reply);
    }
    String host = parts.get(0).asString();
    String port = parts.get(1).asString();
    if (host == null || host.isEmpty() || port == null) {
      throw new RedisException("SENTINEL GET-MASTER-ADDR-BY-NAME named no address: " + reply);
    }
    try {
      return new NodeAddress(host, NodeAddress.parsePort(port, host + ":" + port));
    } catch (IllegalArgumentException e) {
      throw new RedisException("SENTINEL GET-MASTER-ADDR-BY-NAME named no valid address: " + e.getMessage());
    }
  }

  /** The replicas from {@code SENTINEL REPLICAS <name>} (or its older name {@code SENTINEL SLAVES}). */
  public static List<SentinelReplica> replicas(Reply reply) {
    List<SentinelReplica> replicas = new ArrayList<>();
    for (Map<String, String> fields : instances(reply, "SENTINEL REPLICAS")) {
      NodeAddress address = address(fields.get("ip"), fields.get("port"));
      if (address != null) {
        replicas.add(new SentinelReplica(address, SentinelFlags.parse(fields.getOrDefault("flags", "")),
            "ok".equals(fields.get("master-link-status")),
            address(fields.get("master-host"), fields.get("master-port")),
            (int) number(fields.get("slave-priority"), 100), number(fields.get("slave-repl-offset"), 0)));
      }
    }
    return replicas;
  }

  /** The other sentinels from {@code SENTINEL SENTINELS <name>}. */
  public static List<SentinelPeer> sentinels(Reply reply) {
    List<SentinelPeer> sentinels = new ArrayList<>();
    for (Map<String, String> fields : instances(reply, "SENTINEL SENTINELS")) {
      NodeAddress address = address(fields.get("ip"), fields.get("port"));
      if (address != null) {
        sentinels.add(new SentinelPeer(address, fields.get("runid"),
            SentinelFlags.parse(fields.getOrDefault("flags", ""))));
      }
    }
    return sentinels;
  }

  private static List<Map<String, String>> instances(Reply reply, String command) {
    if (reply.type() != ReplyType.ARRAY && reply.type() != ReplyType.SET) {
      throw new RedisException("Unexpected " + command + " reply, expected an array: " + reply);
    }
    List<Map<String, String>> instances = new ArrayList<>();
    for (Reply entry : reply.asList()) {
      if (entry.type() != ReplyType.MAP && entry.type() != ReplyType.ARRAY) {
        throw new RedisException("Unexpected " + command + " entry, expected a map or a flat array: " + entry);
      }
      Map<String, String> fields = new java.util.HashMap<>();
      entry.asMap().forEach((name, value) -> {
        if (value.type() != ReplyType.ARRAY && value.type() != ReplyType.MAP && !value.isNull()) {
          fields.put(name, value.asString());
        }
      });
      instances.add(fields);
    }
    return instances;
  }

  private static @Nullable NodeAddress address(@Nullable String host, @Nullable String port) {
    if (host == null || host.isEmpty() || host.equals("?") || port == null) {
      return null;
    }
    try {
      return new NodeAddress(host, Integer.parseInt(port));
    } catch (IllegalArgumentException e) {
      return null; // NumberFormatException included: an instance that reports no valid port is unreachable
    }
  }

  private static long number(@Nullable String text, long ifAbsent) {
    if (text == null) {
      return ifAbsent;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return ifAbsent;
    }
  }
}
