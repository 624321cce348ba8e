package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.command.KeyValue;
import dev.respite.command.LexRange;
import dev.respite.command.ScoreRange;
import dev.respite.command.ScoredValue;
import dev.respite.command.SortedSetEnd;
import dev.respite.command.ZAddOptions;
import dev.respite.command.ZRange;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code SortedSetCommands} rows; {@code z} is {a:1, b:2, c:3}, {@code z2} {b:10, d:20}, {@code zl} a..d at 0. */
final class SortedSetRows {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private SortedSetRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.zadd("z", 4, "d"), 1).then(s -> s.zscore("z", "d"), 4.0),
        row(c -> c.zadd("z", ZAddOptions.xx().ch(), List.of(ScoredValue.of(5, "a"), ScoredValue.of(1, "new"))), 1)
            .then(s -> s.zscore("z", "new"), null),
        row(c -> c.zaddIncr("z", ZAddOptions.none(), 2.5, "a"), 3.5),
        row(c -> c.zaddIncr("z", ZAddOptions.nx(), 1, "a"), null).as("NX on an existing member"),
        row(c -> c.zincrBy("z", 1.5, "b"), 3.5),
        row(c -> c.zscore("z", "c"), 3.0),
        row(c -> c.zscore("z", "nope"), null).as("absent member"),
        row(c -> c.zscore("str", "a"), serverError("WRONGTYPE")).as("wrong type"),
        row(c -> c.zmscore("z", "a", "nope"), Arrays.asList(1.0, null)),
        row(c -> c.zrem("z", "a", "nope"), 1),
        row(c -> c.zcard("z"), 3),
        row(c -> c.zcount("z", ScoreRange.closed(2, 3)), 2),
        row(c -> c.zlexCount("zl", LexRange.closed("b", "c")), 2),
        row(c -> c.zrange("z", 0, -1), List.of("a", "b", "c")),
        row(c -> c.zrange("z", ZRange.byScore(ScoreRange.atLeast(2)).reverse()), List.of("c", "b")),
        row(c -> c.zrangeWithScores("z", ZRange.byRank(0, 1)), List.of(ScoredValue.of(1, "a"), ScoredValue.of(2, "b"))),
        row(c -> c.zrangeStore("dst", "z", ZRange.byRank(1, -1)), 2).then(s -> s.zrange("dst", 0, -1), List.of("b", "c")),
        row(c -> c.zrank("z", "c"), 2),
        row(c -> c.zrank("z", "nope"), null).as("absent member"),
        row(c -> c.zrevrank("z", "c"), 0),
        row(c -> c.zremRangeByRank("z", 0, 1), 2),
        row(c -> c.zremRangeByScore("z", ScoreRange.open(1, 3)), 1),
        row(c -> c.zremRangeByLex("zl", LexRange.atMost("b")), 2),
        row(c -> c.zunion("z", "z2"), List.of("a", "c", "b", "d")),
        row(c -> c.zinter("z", "z2"), List.of("b")),
        row(c -> c.zdiff("z", "z2"), List.of("a", "c")),
        row(c -> c.zinterCard("z", "z2"), 1),
        row(c -> c.zpopMin("z", 1), List.of(ScoredValue.of(1, "a"))),
        row(c -> c.zpopMax("z", 2), List.of(ScoredValue.of(3, "c"), ScoredValue.of(2, "b"))),
        row(c -> c.zmpop(SortedSetEnd.MIN, 1, "missing", "z"), new KeyValue<>("z", List.of(ScoredValue.of(1, "a")))),
        row(c -> c.zmpop(SortedSetEnd.MIN, 1, "missing"), null).as("no sorted set"),
        row(c -> c.bzmpop(SECOND, SortedSetEnd.MAX, 1, "z"), new KeyValue<>("z", List.of(ScoredValue.of(3, "c")))),
        row(c -> c.bzpopMin(SECOND, "missing", "z"), new KeyValue<>("z", ScoredValue.of(1, "a"))),
        row(c -> c.bzpopMin(Duration.ofMillis(100), "missing"), null).as("times out"),
        row(c -> c.bzpopMax(SECOND, "z"), new KeyValue<>("z", ScoredValue.of(3, "c"))),
        row(c -> c.zrandMember("z", 3), where("the three members",
            r -> r instanceof List<?> l && l.size() == 3 && new HashSet<>(l).equals(Set.of("a", "b", "c")))),
        row(c -> c.zunionStore("dst", "z", "z2"), 4),
        row(c -> c.zinterStore("dst", "z", "z2"), 1).then(s -> s.zscore("dst", "b"), 12.0),
        row(c -> c.zdiffStore("dst", "z", "z2"), 2));
  }
}
