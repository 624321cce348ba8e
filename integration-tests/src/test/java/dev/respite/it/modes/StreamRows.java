package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.command.PendingMessage;
import dev.respite.command.PendingSummary;
import dev.respite.command.StreamEntry;
import dev.respite.command.StreamReadOptions;
import dev.respite.command.StreamTrim;
import dev.respite.command.XAddOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code StreamCommands} rows: stream {@code x} holds 1-1, 1-2, 1-3; group {@code g} delivered all three to
 * alice; group {@code g2} read nothing.
 */
final class StreamRows {
  private static final StreamEntry<String, String> E1 = new StreamEntry<>("1-1", Map.of("f", "1"));
  private static final StreamEntry<String, String> E2 = new StreamEntry<>("1-2", Map.of("f", "2"));
  private static final StreamEntry<String, String> E3 = new StreamEntry<>("1-3", Map.of("f", "3"));

  private StreamRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.xadd("x", Map.of("f", "4")), where("a new entry id", r -> r instanceof String id && id.matches("\\d+-0")))
            .then(s -> s.xlen("x"), 4),
        row(c -> c.xadd("x", XAddOptions.none().id("2-1"), Map.of("f", "4")), "2-1"),
        row(c -> c.xadd("nostream", XAddOptions.none().noMkStream(), Map.of("f", "4")), null).as("NOMKSTREAM"),
        row(c -> c.xlen("x"), 3),
        row(c -> c.xrange("x", "-", "+"), List.of(E1, E2, E3)),
        row(c -> c.xrange("x", "-", "+", 1), List.of(E1)),
        row(c -> c.xrevrange("x", "+", "-", 2), List.of(E3, E2)),
        row(c -> c.xdel("x", "1-1", "9-9"), 1),
        row(c -> c.xtrim("x", StreamTrim.maxLen(1)), 2),
        row(c -> c.xread(StreamReadOptions.none().count(1).block(Duration.ofSeconds(1)), Map.of("x", "1-1")),
            Map.of("x", List.of(E2))),
        row(c -> c.xread(StreamReadOptions.none(), Map.of("x", "1-3")), Map.of()).as("nothing new"),
        row(c -> c.xreadGroup("g2", "bob", StreamReadOptions.none().count(2), Map.of("x", ">")),
            Map.of("x", List.of(E1, E2))),
        voidRow(c -> c.xsetId("x", "5-0"))
            .then(s -> s.xinfoStream("x").get("last-generated-id").asString(), "5-0"),
        voidRow(c -> c.xgroupCreate("x", "g3", "$")).then(s -> s.xinfoGroups("x").size(), 3),
        row(c -> c.xgroupDestroy("x", "g2"), true),
        row(c -> c.xgroupCreateConsumer("x", "g", "carol"), true),
        row(c -> c.xgroupDelConsumer("x", "g", "alice"), 3),
        voidRow(c -> c.xgroupSetId("x", "g2", "1-2"))
            .then(s -> s.xreadGroup("g2", "bob", StreamReadOptions.none(), Map.of("x", ">")), Map.of("x", List.of(E3))),
        row(c -> c.xack("x", "g", "1-1", "1-2"), 2),
        row(c -> c.xpending("x", "g"), new PendingSummary(3, "1-1", "1-3", Map.of("alice", 3L))),
        row(c -> c.xpending("x", "g", "-", "+", 10), where("1-1, 1-2, 1-3 delivered once to alice",
            r -> r instanceof List<?> l && l.stream().map(m -> (PendingMessage) m)
                .map(m -> m.id() + " " + m.consumer() + " " + m.deliveries()).toList()
                .equals(List.of("1-1 alice 1", "1-2 alice 1", "1-3 alice 1")))),
        row(c -> c.xclaim("x", "g", "bob", Duration.ZERO, "1-1"), List.of(E1)),
        row(c -> c.xautoclaim("x", "g", "bob", Duration.ZERO, "0-0", 10), List.of("0-0", List.of(E1, E2, E3), List.of())),
        row(c -> c.xinfoStream("x"), where("length 3, last id 1-3, 2 groups", r -> r instanceof Map<?, ?> m
            && Long.valueOf(3).equals(m.get("length")) && "1-3".equals(m.get("last-generated-id"))
            && Long.valueOf(2).equals(m.get("groups")))),
        row(c -> c.xinfoGroups("x"), where("g with 3 pending, g2 with none", r -> r instanceof List<?> l
            && l.stream().map(g -> ((Map<?, ?>) g).get("name") + " " + ((Map<?, ?>) g).get("pending")).toList()
                .equals(List.of("g 3", "g2 0")))),
        row(c -> c.xinfoConsumers("x", "g"), where("alice with 3 pending", r -> r instanceof List<?> l
            && l.stream().map(g -> ((Map<?, ?>) g).get("name") + " " + ((Map<?, ?>) g).get("pending")).toList()
                .equals(List.of("alice 3")))));
  }
}
