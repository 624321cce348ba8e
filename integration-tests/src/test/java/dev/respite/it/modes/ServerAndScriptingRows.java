package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.RedisSession;
import dev.respite.command.Script;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code ServerCommands} and {@code ScriptingCommands} rows. Each mode starts with no scripts and no functions. */
final class ServerAndScriptingRows {
  private static final String GET = "return redis.call('GET', KEYS[1])";
  private static final String GET_SHA = Script.of(GET).sha1();
  private static final String LIBRARY = "#!lua name=modes\n"
      + "redis.register_function('answer', function(keys, args) return 42 end)\n"
      + "redis.register_function{function_name='reader', flags={'no-writes'},"
      + " callback=function(keys, args) return redis.call('GET', keys[1]) end}";
  private static final Consumer<RedisSession> SCRIPT_LOADED = s -> s.execute("SCRIPT", "LOAD", GET);
  private static final Consumer<RedisSession> LIBRARY_LOADED = s -> s.execute("FUNCTION", "LOAD", LIBRARY);

  private ServerAndScriptingRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.ping(), "PONG"),
        row(c -> c.echo("x"), "x"),
        row(c -> c.info(), where("INFO text", r -> r instanceof String t && t.contains("redis_version:"))),
        row(c -> c.info("server"), where("INFO server text", r -> r instanceof String t && t.contains("redis_version:"))),
        row(c -> c.dbsize(), Keyspace.SIZE),
        voidRow(c -> c.flushdb()).then(s -> s.dbsize(), 0),
        voidRow(c -> c.flushdbAsync()).then(s -> s.dbsize(), 0),
        row(c -> c.time(), where("the server's clock, within a minute of ours",
            r -> r instanceof Instant t && Math.abs(Duration.between(t, Instant.now()).toSeconds()) < 60)),
        row(c -> c.lastSave(), where("an instant not in the future",
            r -> r instanceof Instant t && t.isBefore(Instant.now().plusSeconds(60)))),
        voidRow(c -> c.clientSetName("modes")).then(s -> s.clientGetName(), "modes"),
        row(c -> c.clientGetName(), "named").given(s -> s.execute("CLIENT", "SETNAME", "named")),
        row(c -> c.clientId(), where("a positive id", r -> r instanceof Long id && id > 0)),
        row(c -> c.configGet("maxmemory-policy"), Map.of("maxmemory-policy", "noeviction")),
        row(c -> c.waitReplicas(0, Duration.ofMillis(100)), 0),
        row(c -> c.eval(GET, List.of("str"), List.of()), "v"),
        row(c -> c.eval("return ARGV[1]", List.of(), List.of("a")), "a").as("an argument"),
        row(c -> c.evalSha(GET_SHA, List.of("str"), List.of()), "v").given(SCRIPT_LOADED),
        row(c -> c.evalSha(GET_SHA, List.of("str"), List.of()), serverError("NOSCRIPT")).as("unknown script"),
        row(c -> c.evalReadOnly(GET, List.of("str"), List.of()), "v"),
        row(c -> c.evalShaReadOnly(GET_SHA, List.of("str"), List.of()), "v").given(SCRIPT_LOADED),
        row(c -> c.scriptLoad(GET), GET_SHA).then(s -> s.scriptExists(GET_SHA), List.of(true)),
        row(c -> c.scriptExists(GET_SHA, "0000000000000000000000000000000000000000"), List.of(true, false))
            .given(SCRIPT_LOADED),
        voidRow(c -> c.scriptFlush()).given(SCRIPT_LOADED).then(s -> s.scriptExists(GET_SHA), List.of(false)),
        row(c -> c.fcall("answer", List.of(), List.of()), 42).given(LIBRARY_LOADED),
        row(c -> c.fcallReadOnly("reader", List.of("str"), List.of()), "v").given(LIBRARY_LOADED),
        row(c -> c.functionLoad(LIBRARY, false), "modes").then(s -> s.fcall("answer", List.of(), List.of()).asLong(), 42),
        row(c -> c.functionLoad(LIBRARY, true), "modes").given(LIBRARY_LOADED).as("REPLACE"),
        row(c -> c.functionLoad(LIBRARY, false), serverError("ERR")).given(LIBRARY_LOADED).as("already loaded"),
        voidRow(c -> c.functionDelete("modes")).given(LIBRARY_LOADED)
            .then(s -> s.execute("FUNCTION", "LIST").asList().size(), 0),
        voidRow(c -> c.functionFlush()).given(LIBRARY_LOADED).then(s -> s.execute("FUNCTION", "LIST").asList().size(), 0));
  }
}
