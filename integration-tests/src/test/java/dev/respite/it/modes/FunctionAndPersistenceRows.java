package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.serverError;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.RedisSession;
import dev.respite.command.FlushMode;
import dev.respite.command.FunctionInfo;
import dev.respite.command.FunctionLibrary;
import dev.respite.command.FunctionRestorePolicy;
import dev.respite.command.MigrateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code FunctionCommands} and {@code PersistenceCommands} rows. Each mode starts with no functions; the save
 * rows first wait for any background save or rewrite a previous row started, so that their reply is known.
 */
final class FunctionAndPersistenceRows {
  private static final String LIBRARY = ServerAndScriptingRows.LIBRARY;
  private static final Consumer<RedisSession> LIBRARY_LOADED = s -> s.functionLoad(LIBRARY, false);
  private static final Set<FunctionInfo> FUNCTIONS = Set.of(new FunctionInfo("answer", null, Set.of()),
      new FunctionInfo("reader", null, Set.of("no-writes")));
  /** FUNCTION DUMP of {@link #LIBRARY}, taken by a row's setup (the payload depends on the server version). */
  private static final AtomicReference<byte[]> DUMP = new AtomicReference<>(new byte[0]);

  private FunctionAndPersistenceRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.functionList(), where("the modes library with answer and reader", r -> r instanceof List<?> l
            && l.size() == 1 && l.get(0) instanceof FunctionLibrary lib && lib.name().equals("modes")
            && lib.engine().equalsIgnoreCase("LUA") && Set.copyOf(lib.functions()).equals(FUNCTIONS) && lib.code() == null))
            .given(LIBRARY_LOADED),
        row(c -> c.functionList(), List.of()).as("no library"),
        row(c -> c.functionList("mod*", true), where("the modes library with its code", r -> r instanceof List<?> l
            && l.size() == 1 && l.get(0) instanceof FunctionLibrary lib && LIBRARY.equals(lib.code())))
            .given(LIBRARY_LOADED),
        row(c -> c.functionList("other*", false), List.of()).given(LIBRARY_LOADED).as("no match"),
        row(c -> c.functionDump(), where("a payload", r -> r instanceof String d && !d.isEmpty())).given(LIBRARY_LOADED),
        voidRow(c -> c.functionRestore(DUMP.get(), FunctionRestorePolicy.REPLACE)).given(s -> {
          LIBRARY_LOADED.accept(s);
          DUMP.set(s.functionDump());
          s.functionFlush();
        }).then(s -> s.fcall("answer", List.of(), List.of()).asLong(), 42),
        voidRow(c -> c.functionRestore(DUMP.get(), FunctionRestorePolicy.APPEND)).given(s -> {
          LIBRARY_LOADED.accept(s);
          DUMP.set(s.functionDump());
        }).failsWith("ERR").as("APPEND of a loaded library"),
        voidRow(c -> c.functionFlush(FlushMode.ASYNC)).given(LIBRARY_LOADED).then(s -> s.functionList().size(), 0),
        voidRow(c -> c.functionKill()).failsWith("NOTBUSY").as("nothing running"),
        row(c -> c.functionStats(), where("no running script, the LUA engine with 2 functions", r -> r instanceof Map<?, ?> m
            && m.containsKey("running_script") && m.get("running_script") == null
            && Long.valueOf(2).equals(fields(fields(m.get("engines")).get("LUA")).get("functions_count"))))
            .given(LIBRARY_LOADED),
        voidRow(c -> c.save()).given(FunctionAndPersistenceRows::noChildProcess).inTransaction(serverError("EXECABORT"))
            .then(s -> s.lastSave(), where("a save within the last minute",
                r -> r instanceof Instant t && Math.abs(Duration.between(t, Instant.now()).toSeconds()) < 60)),
        row(c -> c.bgsave(), where("a background save started or scheduled",
            r -> r instanceof String t && t.startsWith("Background saving")))
            .given(FunctionAndPersistenceRows::noChildProcess),
        row(c -> c.bgrewriteaof(), where("a rewrite started or scheduled",
            r -> r instanceof String t && t.startsWith("Background append only file rewriting")))
            .given(FunctionAndPersistenceRows::noChildProcess),
        // MIGRATE answers NOKEY before it connects anywhere when no key exists; the target is this very server
        row(c -> c.migrate(EveryCommandEveryModeIntegrationTest.redis.host(),
            EveryCommandEveryModeIntegrationTest.redis.port(), 0, Duration.ofSeconds(1),
            MigrateOptions.none(), "missing"), false).as("no key to move"));
  }

  /** A map reply's fields: RESP3 sends a map, RESP2 an array of alternating keys and values. */
  private static Map<?, ?> fields(@Nullable Object reply) {
    if (reply instanceof Map<?, ?> map) {
      return map;
    }
    Map<@Nullable Object, @Nullable Object> map = new HashMap<>();
    if (reply instanceof List<?> pairs) {
      for (int i = 0; i + 1 < pairs.size(); i += 2) {
        map.put(pairs.get(i), pairs.get(i + 1));
      }
    }
    return map;
  }

  /** Waits (10 s at most) until no background save or AOF rewrite runs, so SAVE and BGSAVE are not refused. */
  private static void noChildProcess(RedisSession session) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      String persistence = session.info("persistence");
      if (persistence.contains("rdb_bgsave_in_progress:0") && persistence.contains("aof_rewrite_in_progress:0")
          && persistence.contains("aof_rewrite_scheduled:0")) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for a background save", e);
      }
    }
    throw new IllegalStateException("a background save or rewrite still runs after 10 s");
  }
}
