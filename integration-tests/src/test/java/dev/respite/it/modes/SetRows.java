package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.where;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code SetCommands} rows; {@code s} is {a,b,c}, {@code s2} {b,c,d}. Random picks draw from a one-member set. */
final class SetRows {
  private SetRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.sadd("s", "c", "d"), 1).then(s -> s.scard("s"), 4),
        row(c -> c.srem("s", "a", "nope"), 1),
        row(c -> c.smembers("s"), Set.of("a", "b", "c")),
        row(c -> c.smembers("missing"), Set.of()).as("missing key"),
        row(c -> c.smembers("str"), serverError("WRONGTYPE")).as("wrong type"),
        row(c -> c.sismember("s", "a"), true),
        row(c -> c.smismember("s", "a", "nope"), List.of(true, false)),
        row(c -> c.scard("s"), 3),
        row(c -> c.spop("one"), "m").given(s -> s.sadd("one", "m")).then(s -> s.exists("one"), false),
        row(c -> c.spop("missing"), null).as("missing key"),
        row(c -> c.spop("s", 5), Set.of("a", "b", "c")),
        row(c -> c.srandmember("one"), "m").given(s -> s.sadd("one", "m")),
        row(c -> c.srandmember("missing"), null).as("missing key"),
        row(c -> c.srandmember("s", 5), where("the three members",
            r -> r instanceof List<?> l && l.size() == 3 && new HashSet<>(l).equals(Set.of("a", "b", "c")))),
        row(c -> c.smove("s", "s2", "a"), true).then(s -> s.smembers("s2"), Set.of("a", "b", "c", "d")),
        row(c -> c.sinter("s", "s2"), Set.of("b", "c")),
        row(c -> c.sunion("s", "s2"), Set.of("a", "b", "c", "d")),
        row(c -> c.sdiff("s", "s2"), Set.of("a")),
        row(c -> c.sinterStore("dst", "s", "s2"), 2).then(s -> s.smembers("dst"), Set.of("b", "c")),
        row(c -> c.sunionStore("dst", "s", "s2"), 4),
        row(c -> c.sdiffStore("dst", "s", "s2"), 1),
        row(c -> c.sinterCard("s", "s2"), 2));
  }
}
