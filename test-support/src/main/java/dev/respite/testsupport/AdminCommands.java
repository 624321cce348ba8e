package dev.respite.testsupport;

import dev.respite.testsupport.RawRedisClient.ErrorReply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-shot admin commands for the topology fixtures, each on a fresh {@link RawRedisClient}, so that a
 * killed or restarted node never leaves a stale connection behind.
 */
final class AdminCommands {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private AdminCommands() {}

  /** The reply, error replies included as {@link ErrorReply}. */
  static Object call(int port, String... args) {
    try (RawRedisClient client = new RawRedisClient("127.0.0.1", port, READ_TIMEOUT)) {
      return client.call(args);
    }
  }

  /** The reply; an error reply throws, naming the command and the port. */
  static Object require(int port, String... args) {
    Object reply = call(port, args);
    if (reply instanceof ErrorReply error) {
      throw new IllegalStateException(String.join(" ", args) + " on port " + port + " failed: " + error.message());
    }
    return reply;
  }

  /** The fields of an {@code INFO} section, such as {@code role} or {@code master_link_status}. */
  static Map<String, String> info(int port, String section) {
    return colonFields((String) require(port, "INFO", section));
  }

  /** {@code name:value} lines ({@code INFO}, {@code CLUSTER INFO}) as a map; other lines are skipped. */
  static Map<String, String> colonFields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        fields.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return fields;
  }

  /** A RESP2 flat array of alternating names and values (Sentinel's replies) as a map. */
  static Map<String, String> fields(Object flatArray) {
    List<?> items = (List<?>) flatArray;
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < items.size(); i += 2) {
      fields.put(String.valueOf(items.get(i)), String.valueOf(items.get(i + 1)));
    }
    return fields;
  }

  /** Each element of a RESP2 array of flat field arrays ({@code SENTINEL REPLICAS}) as a map. */
  static List<Map<String, String>> fieldsOfEach(Object arrayOfFlatArrays) {
    return ((List<?>) arrayOfFlatArrays).stream().map(AdminCommands::fields).toList();
  }
}
