package dev.respite.impl.cluster;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.topology.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the reply to {@code CLUSTER SLOTS} into a {@link SlotMap}. RESP2 and RESP3 send the same arrays: one entry
 * per slot range, {@code [first, last, primary, replica...]}, each node {@code [endpoint, port, id?, metadata?]}
 * where the metadata (host name, IP) is an array in RESP2 and a map in RESP3; only the endpoint, port and id are
 * used.
 *
 * <p>A node without a usable address is left out: an endpoint {@code "?"} (a host name the node does not know) or
 * an empty one. A null endpoint means, as Redis documents for {@code cluster-preferred-endpoint-type
 * unknown-endpoint}, the host the command was sent to. A range whose primary has no usable address is left
 * uncovered, to be learnt from a later refresh or a {@code MOVED}.
 */
public final class ClusterSlotsReply {

  private static final String UNKNOWN_HOSTNAME = "?";

  private ClusterSlotsReply() {}

  /**
   * The slot map {@code reply} describes.
   *
   * @param queriedHost the host {@code CLUSTER SLOTS} was sent to, for nodes whose endpoint is null
   * @throws RedisException naming the part that does not have the documented shape
   */
  public static SlotMap parse(Reply reply, String queriedHost) {
    SlotMap.Builder map = new SlotMap.Builder();
    for (Reply range : elements(reply, "the CLUSTER SLOTS reply")) {
      List<Reply> fields = elements(range, "a slot range");
      if (fields.size() < 3) {
        throw malformed("a slot range has " + fields.size() + " elements, fewer than first, last and primary", range);
      }
      int first = slot(fields.get(0), range);
      int last = slot(fields.get(1), range);
      if (first > last) {
        throw malformed("a slot range ends before it starts", range);
      }
      ClusterNode primary = node(fields.get(2), queriedHost);
      if (primary == null) {
        continue;
      }
      List<ClusterNode> replicas = new ArrayList<>();
      for (Reply replicaReply : fields.subList(3, fields.size())) {
        ClusterNode replica = node(replicaReply, queriedHost);
        if (replica != null) {
          replicas.add(replica);
        }
      }
      map.assign(first, last, new SlotOwner(primary, replicas));
    }
    return map.build();
  }

  private static @Nullable ClusterNode node(Reply reply, String queriedHost) {
    List<Reply> fields = elements(reply, "a node");
    if (fields.size() < 2) {
      throw malformed("a node has " + fields.size() + " elements, fewer than endpoint and port", reply);
    }
    Reply endpoint = fields.get(0);
    String host = endpoint.isNull() ? queriedHost : text(endpoint, reply);
    if (host.isEmpty() || host.equals(UNKNOWN_HOSTNAME)) {
      return null;
    }
    long port = integer(fields.get(1), reply);
    if (port < 1 || port > 65_535) {
      return null; // a node that has not announced a port yet: as good as no address
    }
    String id = fields.size() > 2 && !fields.get(2).isNull() ? text(fields.get(2), reply) : null;
    return new ClusterNode(new NodeAddress(host, (int) port), id == null || id.isEmpty() ? null : id);
  }

  private static List<Reply> elements(Reply reply, String what) {
    if (reply.type() != ReplyType.ARRAY) {
      throw malformed(what + " is a " + reply.type() + ", not an array", reply);
    }
    return reply.asList();
  }

  private static int slot(Reply reply, Reply range) {
    long slot = integer(reply, range);
    if (slot < 0 || slot >= SlotHash.SLOT_COUNT) {
      throw malformed("slot " + slot + " is outside 0.." + (SlotHash.SLOT_COUNT - 1), range);
    }
    return (int) slot;
  }

  private static long integer(Reply reply, Reply context) {
    if (reply.type() != ReplyType.INTEGER) {
      throw malformed("expected an integer, got a " + reply.type(), context);
    }
    return reply.asLong();
  }

  private static String text(Reply reply, Reply context) {
    return switch (reply.type()) {
      case BULK_STRING, SIMPLE_STRING, VERBATIM_STRING -> Objects.requireNonNull(reply.asString());
      default -> throw malformed("expected a string, got a " + reply.type(), context);
    };
  }

  private static RedisException malformed(String problem, Reply context) {
    return new RedisException("Unexpected CLUSTER SLOTS reply: " + problem + " in " + context);
  }
}
