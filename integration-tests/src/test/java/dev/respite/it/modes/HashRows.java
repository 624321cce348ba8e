package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.where;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code HashCommands} rows; keys as in {@link Keyspace}. */
final class HashRows {
  private HashRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.hset("h", "f3", "v3"), true).then(s -> s.hget("h", "f3"), "v3"),
        row(c -> c.hset("h", "f1", "x"), false).as("existing field"),
        row(c -> c.hset("h", Map.of("f1", "x", "f3", "y")), 1).then(s -> s.hget("h", "f1"), "x"),
        row(c -> c.hsetNx("h", "f1", "x"), false),
        row(c -> c.hget("h", "f1"), "v1"),
        row(c -> c.hget("h", "nope"), null).as("missing field"),
        row(c -> c.hget("str", "f1"), serverError("WRONGTYPE")).as("wrong type"),
        row(c -> c.hmget("h", "f1", "nope"), Arrays.asList("v1", null)),
        row(c -> c.hgetAll("h"), Map.of("f1", "v1", "f2", "v2", "num", "5")),
        row(c -> c.hgetAll("missing"), Map.of()).as("missing key"),
        row(c -> c.hdel("h", "f1", "nope"), 1),
        row(c -> c.hexists("h", "f2"), true),
        row(c -> c.hlen("h"), 3),
        row(c -> c.hkeys("h"), List.of("f1", "f2", "num")),
        row(c -> c.hvals("h"), List.of("v1", "v2", "5")),
        row(c -> c.hincrBy("h", "num", 2), 7),
        row(c -> c.hincrByFloat("h", "num", 0.5), 5.5),
        row(c -> c.hstrlen("h", "f1"), 2),
        row(c -> c.hrandField("h", 3), where("the three fields",
            r -> r instanceof List<?> l && l.size() == 3 && new HashSet<>(l).equals(Set.of("f1", "f2", "num")))));
  }
}
