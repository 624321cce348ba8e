package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.command.ScoredValue;
import dev.respite.command.SortOptions;
import dev.respite.command.ZAggregate;
import dev.respite.command.ZAggregateOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code SortCommands} and {@code SortedSetAggregateCommands} rows: {@code l} is [a, b, c, b], {@code z}
 * {a:1, b:2, c:3}, {@code z2} {b:10, d:20}.
 */
final class SortAndAggregateRows {
  private SortAndAggregateRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.sort("l", SortOptions.none().alpha()), List.of("a", "b", "b", "c")),
        row(c -> c.sort("l", SortOptions.none().alpha().descending().limit(0, 2)), List.of("c", "b")).as("DESC LIMIT"),
        row(c -> c.sort("nums", SortOptions.none()), List.of("1", "2", "3")).given(s -> s.rpush("nums", "3", "1", "2"))
            .as("numbers"),
        row(c -> c.sort("nums", SortOptions.none().by("w_*").get("v_*")), Arrays.asList("one", null))
            .given(s -> {
              s.rpush("nums", "1", "2");
              s.set("w_1", "1");
              s.set("w_2", "2");
              s.set("v_1", "one");
            }).as("BY and GET, a missing GET key"),
        row(c -> c.sort("l", SortOptions.none()), serverError("ERR")).as("letters sorted as numbers"),
        row(c -> c.sortReadOnly("l", SortOptions.none().alpha().descending()), List.of("c", "b", "b", "a")),
        row(c -> c.sortStore("l", SortOptions.none().alpha(), "dst"), 4)
            .then(s -> s.lrange("dst", 0, -1), List.of("a", "b", "b", "c")),
        row(c -> c.zunion(ZAggregateOptions.weights(1, 2), "z", "z2"), List.of("a", "c", "b", "d")),
        row(c -> c.zinter(ZAggregateOptions.none().aggregate(ZAggregate.MAX), "z", "z2"), List.of("b")),
        row(c -> c.zunionWithScores(ZAggregateOptions.none().aggregate(ZAggregate.MIN), "z", "z2"),
            List.of(ScoredValue.of(1, "a"), ScoredValue.of(2, "b"), ScoredValue.of(3, "c"), ScoredValue.of(20, "d"))),
        row(c -> c.zinterWithScores(ZAggregateOptions.weights(2, 1), "z", "z2"), List.of(ScoredValue.of(14, "b"))),
        row(c -> c.zdiffWithScores("z", "z2"), List.of(ScoredValue.of(1, "a"), ScoredValue.of(3, "c"))),
        row(c -> c.zunionStore("dst", ZAggregateOptions.none().aggregate(ZAggregate.MAX), "z", "z2"), 4)
            .then(s -> s.zscore("dst", "b"), 10.0),
        row(c -> c.zinterStore("dst", ZAggregateOptions.weights(1, 0), "z", "z2"), 1).then(s -> s.zscore("dst", "b"), 2.0),
        row(c -> c.zrandMemberWithScores("z", 3), where("the three members with their scores",
            r -> r instanceof List<?> l && l.size() == 3 && new HashSet<>(l).equals(
                Set.of(ScoredValue.of(1, "a"), ScoredValue.of(2, "b"), ScoredValue.of(3, "c"))))));
  }
}
