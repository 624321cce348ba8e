package dev.respite.it.modes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.ListCommands;
import dev.respite.command.HashCommands;
import dev.respite.command.RedisCommands;
import dev.respite.command.RedisOperations;
import dev.respite.command.StringCommands;
import dev.respite.it.RedisServerExtension;
import dev.respite.spi.RedisListener;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every method of {@link RedisCommands} run three ways, on the session, in a pipeline and in a transaction,
 * from the same prepared {@link Keyspace}: the three replies must be equal, and equal to the row's expected
 * value. After each mode the session must still answer PING and no connection may have been destroyed as
 * broken. The string, hash and list rows run on {@code session.binary()} as well.
 *
 * <p><b>Adding a command.</b> {@link #everyCommandHasARow()} fails the build until every public abstract
 * method of {@code RedisCommands} has a row. Add one line to the family's rows file ({@code KeyRows},
 * {@code StringRows}, ..., listed in {@link CommandTable}), or a new {@code *Rows} file for a new family:
 * <pre>{@code
 * row(c -> c.hget("h", "f1"), "v1"),                               // reply compared after Normalised
 * row(c -> c.get("missing"), null).as("missing key"),              // several rows per method are fine
 * voidRow(c -> c.set("k", "x")).then(s -> s.get("k"), "x"),         // void: response null, effect probed
 * row(c -> c.spop("one"), "m").given(s -> s.sadd("one", "m")),     // own setup after the keyspace
 * row(c -> c.time(), where("recent", r -> ...)),                    // a reply that varies: a property
 * }</pre>
 * The method a row covers is found by running its call on a recording proxy, so a row names no signature;
 * a call must invoke exactly one command. Blocking commands must find data (or use a short timeout) so that
 * they return at once. The RESP3 subclass runs the same table with {@code protocol=3}.
 */
class EveryCommandEveryModeIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  /** The families whose rows also run on the binary view. */
  private static final Set<Class<?>> BINARY_FAMILIES = Set.of(StringCommands.class, HashCommands.class, ListCommands.class);

  /** The data source options; the RESP3 subclass changes them. */
  String options() {
    return "";
  }

  @Test
  void everyCommandHasARow() {
    Set<String> covered = new TreeSet<>();
    CommandTable.rows().forEach(row -> covered.add(CalledMethod.signature(CalledMethod.of(row.call))));
    Set<String> missing = new TreeSet<>(CalledMethod.allCommands());
    missing.removeAll(covered);
    assertThat(missing).as("RedisCommands methods with no row in CommandTable: add one per method").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyRowInEveryMode() {
    Modes modes = new Modes(redis.dataSource(options()));
    return CommandTable.rows().stream().map(row -> DynamicTest.dynamicTest(name(row),
        () -> modes.check(row, s -> s, c -> c)));
  }

  @TestFactory
  Stream<DynamicTest> stringHashAndListRowsOnTheBinaryView() {
    Modes modes = new Modes(redis.dataSource(options()));
    return CommandTable.rows().stream()
        .filter(row -> BINARY_FAMILIES.contains(CalledMethod.of(row.call).getDeclaringClass()))
        .map(row -> DynamicTest.dynamicTest(name(row),
            () -> modes.check(row, RedisOperations::binary, BinaryView::asStrings)));
  }

  private static String name(CommandRow row) {
    Method method = CalledMethod.of(row.call);
    return CalledMethod.signature(method) + (row.label().isEmpty() ? "" : " " + row.label());
  }

  /**
   * What one mode left: the reply (or what it threw), the probe, the PING after, the connections destroyed as
   * broken, and the connections still lent once the session was closed.
   */
  record Outcome(@Nullable Object reply, @Nullable Object probe, String ping, long brokenConnections,
      int lentAfterClose) {}

  /** Runs rows in every mode on one data source, counting the connections it destroys as broken. */
  private static final class Modes {
    private final RedisDataSource dataSource;
    private final AtomicLong broken = new AtomicLong();

    Modes(RedisDataSource dataSource) {
      this.dataSource = dataSource;
      dataSource.addListener(new RedisListener() {
        @Override
        public void connectionDestroyed(DestroyReason reason) {
          if (reason == DestroyReason.BROKEN) {
            broken.incrementAndGet();
          }
        }
      });
    }

    <K, V> void check(CommandRow row, Function<RedisSession, RedisOperations<K, V>> view,
        Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt) {
      Map<Mode, Outcome> expected = new EnumMap<>(Mode.class);
      Map<Mode, Outcome> actual = new EnumMap<>(Mode.class);
      for (Mode mode : Mode.values()) {
        CommandRow.Expect probe = row.probeExpect();
        expected.put(mode, new Outcome(row.expect.expected(), probe == null ? null : probe.expected(), "PONG", 0, 0));
        actual.put(mode, run(mode, row, view, adapt));
      }
      assertThat(actual).as("%s: reply, probe, PING after, connections destroyed as broken, lent after; per mode",
              name(row))
          .isEqualTo(expected);
    }

    private <K, V> Outcome run(Mode mode, CommandRow row, Function<RedisSession, RedisOperations<K, V>> view,
        Function<RedisCommands<K, V>, RedisCommands<String, String>> adapt) {
      long brokenBefore = broken.get();
      Outcome outcome;
      try (RedisSession session = dataSource.openSession()) {
        Keyspace.prepare(session);
        row.given().accept(session);
        Object reply;
        try {
          Object value = mode.run(view.apply(session), adapt, row);
          reply = row.isVoid && value != null
              ? "a void response holding " + value.getClass().getSimpleName() + " " + value
              : row.expect.apply(Normalised.of(value));
        } catch (RedisServerException e) {
          reply = row.expect.apply(new CommandRow.ServerError(e.code()));
        } catch (RuntimeException | AssertionError e) {
          reply = "threw " + e;
        }
        Object probed = null;
        if (row.probe() != null) {
          try {
            probed = row.probeExpect().apply(Normalised.of(row.probe().apply(session)));
          } catch (RuntimeException e) {
            probed = "probe threw " + e;
          }
        }
        String ping;
        try {
          ping = session.ping();
        } catch (RuntimeException e) {
          ping = "PING threw " + e;
        }
        outcome = new Outcome(reply, probed, ping, 0, 0);
      }
      return new Outcome(outcome.reply(), outcome.probe(), outcome.ping(), broken.get() - brokenBefore,
          dataSource.poolStats().active());
    }
  }
}
