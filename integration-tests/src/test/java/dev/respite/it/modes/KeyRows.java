package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.command.CopyOptions;
import dev.respite.command.ExpireCondition;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** {@code KeyCommands} rows; keys as in {@link Keyspace}. */
final class KeyRows {
  private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");
  /** DUMP of {@code str}, taken by a row's setup (the payload depends on the server's RDB version). */
  private static final AtomicReference<byte[]> DUMP = new AtomicReference<>(new byte[0]);

  private KeyRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.del("str", "missing"), 1).then(s -> s.exists("str"), false),
        row(c -> c.unlink("str", "n", "missing"), 2),
        row(c -> c.exists("str"), true),
        row(c -> c.exists("missing"), false).as("missing key"),
        row(c -> c.countExisting(List.of("str", "str", "missing")), 2),
        row(c -> c.expire("str", 100), true).then(s -> s.ttl("str") > 0, true),
        row(c -> c.expire("str", 100, ExpireCondition.XX), false),
        row(c -> c.pexpire("str", 100_000), true).then(s -> s.pttl("str") > 0, true),
        row(c -> c.pexpire("str", 100_000, ExpireCondition.NX), true),
        row(c -> c.expireAt("str", LATER), true).then(s -> s.expireTime("str"), LATER),
        row(c -> c.expireTime("str"), null).as("no expiry"),
        row(c -> c.expireTime("str"), LATER).given(s -> s.expireAt("str", LATER)).as("with expiry"),
        row(c -> c.ttl("str"), -1),
        row(c -> c.ttl("missing"), -2).as("missing key"),
        row(c -> c.pttl("str"), -1),
        row(c -> c.persist("str"), false),
        row(c -> c.persist("str"), true).given(s -> s.expire("str", 100)).as("with expiry"),
        row(c -> c.type("h"), "hash"),
        row(c -> c.type("missing"), "none").as("missing key"),
        voidRow(c -> c.rename("str", "renamed")).then(s -> s.get("renamed"), "v"),
        voidRow(c -> c.rename("missing", "renamed")).failsWith("ERR").as("missing key"),
        row(c -> c.renameNx("str", "n"), false),
        row(c -> c.renameNx("str", "renamed"), true).as("to a new name"),
        row(c -> c.copy("str", "copied", CopyOptions.none()), true).then(s -> s.get("copied"), "v"),
        row(c -> c.copy("str", "n", CopyOptions.none()), false).as("onto an existing key"),
        row(c -> c.move("str", 5), true).then(s -> s.exists("str"), false),
        row(c -> c.touch("str", "n", "missing"), 2),
        row(c -> c.keys("st*"), List.of("str")),
        row(c -> c.randomKey(), "only").given(s -> {
          s.execute("FLUSHALL");
          s.set("only", "1");
        }),
        row(c -> c.randomKey(), null).given(s -> s.execute("FLUSHALL")).as("empty database"),
        row(c -> c.objectEncoding("str"), "embstr"),
        row(c -> c.objectEncoding("missing"), null).as("missing key"),
        row(c -> c.objectIdleTime("str"), where("idle for under a minute", r -> r instanceof Long t && t >= 0 && t < 60)),
        row(c -> c.objectRefCount("str"), 1),
        row(c -> c.objectFreq("str"), where("an LFU counter", r -> r instanceof Long f && f >= 0))
            .given(s -> s.execute("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu")),
        row(c -> c.memoryUsage("str"), where("a positive size", r -> r instanceof Long m && m > 0)),
        row(c -> c.memoryUsage("missing"), null).as("missing key"),
        row(c -> c.dump("str"), where("a payload", r -> r instanceof String d && !d.isEmpty())),
        row(c -> c.dump("missing"), null).as("missing key"),
        voidRow(c -> c.restore("restored", 0, DUMP.get(), false)).given(s -> DUMP.set(s.dump("str")))
            .then(s -> s.get("restored"), "v"),
        voidRow(c -> c.restore("n", 0, DUMP.get(), true)).given(s -> DUMP.set(s.dump("str")))
            .then(s -> s.get("n"), "v").as("REPLACE"));
  }
}
