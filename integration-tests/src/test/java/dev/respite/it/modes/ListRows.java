package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.voidRow;

import dev.respite.command.InsertPosition;
import dev.respite.command.KeyValue;
import dev.respite.command.ListDirection;
import java.time.Duration;
import java.util.List;

/** {@code ListCommands} rows; {@code l} is [a, b, c, b]. Blocking calls find data, or wait 100 ms at most. */
final class ListRows {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration BRIEF = Duration.ofMillis(100);

  private ListRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.lpush("l", "x", "y"), 6).then(s -> s.lrange("l", 0, 1), List.of("y", "x")),
        row(c -> c.rpush("l", "x"), 5),
        row(c -> c.lpushX("missing", "x"), 0).then(s -> s.exists("missing"), false),
        row(c -> c.rpushX("l", "x"), 5),
        row(c -> c.lpop("l"), "a"),
        row(c -> c.lpop("missing"), null).as("missing key"),
        row(c -> c.lpop("l", 2), List.of("a", "b")),
        row(c -> c.lpop("missing", 2), List.of()).as("missing key"),
        row(c -> c.rpop("l"), "b"),
        row(c -> c.rpop("l", 2), List.of("b", "c")),
        row(c -> c.llen("l"), 4),
        row(c -> c.llen("str"), serverError("WRONGTYPE")).as("wrong type"),
        row(c -> c.lrange("l", 0, -1), List.of("a", "b", "c", "b")),
        row(c -> c.lindex("l", 2), "c"),
        row(c -> c.lindex("l", 9), null).as("out of range"),
        voidRow(c -> c.lset("l", 0, "z")).then(s -> s.lindex("l", 0), "z"),
        voidRow(c -> c.lset("l", 9, "z")).failsWith("ERR").as("out of range"),
        row(c -> c.lrem("l", 0, "b"), 2),
        voidRow(c -> c.ltrim("l", 1, 2)).then(s -> s.lrange("l", 0, -1), List.of("b", "c")),
        row(c -> c.linsert("l", InsertPosition.BEFORE, "c", "x"), 5).then(s -> s.lindex("l", 2), "x"),
        row(c -> c.lpos("l", "b"), 1),
        row(c -> c.lpos("l", "nope"), null).as("absent element"),
        row(c -> c.lpos("l", "b", 0), List.of(1, 3)),
        row(c -> c.lmove("l", "dst", ListDirection.LEFT, ListDirection.RIGHT), "a")
            .then(s -> s.lrange("dst", 0, -1), List.of("a")),
        row(c -> c.lmpop(ListDirection.RIGHT, 2, "missing", "l"), new KeyValue<>("l", List.of("b", "c"))),
        row(c -> c.lmpop(ListDirection.LEFT, 1, "missing"), null).as("no list"),
        row(c -> c.blmpop(SECOND, ListDirection.LEFT, 1, "l"), new KeyValue<>("l", List.of("a"))),
        row(c -> c.blpop(SECOND, "missing", "l"), new KeyValue<>("l", "a")),
        row(c -> c.blpop(BRIEF, "missing"), null).as("times out"),
        row(c -> c.brpop(SECOND, "l"), new KeyValue<>("l", "b")),
        row(c -> c.blmove("l", "dst", ListDirection.RIGHT, ListDirection.LEFT, SECOND), "b")
            .then(s -> s.lrange("dst", 0, -1), List.of("b")));
  }
}
