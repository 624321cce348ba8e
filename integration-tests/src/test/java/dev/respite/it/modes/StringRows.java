package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.voidRow;

import dev.respite.command.Expiration;
import dev.respite.command.SetOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code StringCommands} rows; keys as in {@link Keyspace}. */
final class StringRows {
  private StringRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.get("str"), "v"),
        row(c -> c.get("missing"), null).as("missing key"),
        row(c -> c.get("h"), serverError("WRONGTYPE")).as("wrong type"),
        voidRow(c -> c.set("k", "x")).then(s -> s.get("k"), "x"),
        row(c -> c.set("str", "x", SetOptions.none().nx()), false).then(s -> s.get("str"), "v"),
        row(c -> c.set("k", "x", SetOptions.ex(Duration.ofSeconds(100)).nx()), true).then(s -> s.ttl("k") > 0, true)
            .as("EX NX on a new key"),
        row(c -> c.setGet("str", "x", SetOptions.none()), "v").then(s -> s.get("str"), "x"),
        row(c -> c.setGet("missing", "x", SetOptions.none()), null).as("missing key"),
        row(c -> c.getDel("str"), "v").then(s -> s.exists("str"), false),
        row(c -> c.getEx("str", Expiration.ex(Duration.ofSeconds(100))), "v").then(s -> s.ttl("str") > 0, true),
        row(c -> c.mget("str", "missing", "n"), Arrays.asList("v", null, "10")),
        voidRow(c -> c.mset(Map.of("a", "1", "b", "2"))).then(s -> s.mget("a", "b"), List.of("1", "2")),
        row(c -> c.msetNx(Map.of("str", "x", "new", "y")), false).then(s -> s.exists("new"), false),
        row(c -> c.msetNx(Map.of("a", "1", "b", "2")), true).as("new keys"),
        row(c -> c.incr("n"), 11),
        row(c -> c.incr("str"), serverError("ERR")).as("not a number"),
        row(c -> c.incrBy("n", 5), 15),
        row(c -> c.decr("n"), 9),
        row(c -> c.decrBy("n", 4), 6),
        row(c -> c.incrByFloat("f", 1.0), 2.5),
        row(c -> c.append("str", "w"), 2),
        row(c -> c.strlen("str"), 1),
        row(c -> c.setRange("str", 1, "xy"), 3).then(s -> s.get("str"), "vxy"),
        row(c -> c.getRange("n", 0, 0), "1"));
  }
}
