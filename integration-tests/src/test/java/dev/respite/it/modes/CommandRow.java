package dev.respite.it.modes;

import dev.respite.RedisSession;
import dev.respite.command.RedisCommands;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One row of the every-command table: a typed call on {@link RedisCommands}, run from the prepared
 * {@link Keyspace} (plus this row's own {@link #given} setup), and the value it must return in every mode.
 *
 * <p>Rows are built in one line: {@code row(c -> c.get("str"), "v")}, {@code voidRow(c -> c.set("k", "v"))
 * .then(s -> s.get("k"), "v")}; a reply that is not deterministic states a property instead:
 * {@code row(c -> c.time(), where("a recent instant", r -> ...))}.
 */
final class CommandRow {
  final Function<RedisCommands<String, String>, @Nullable Object> call;
  final boolean isVoid;
  Expect expect;
  private String label = "";
  private Consumer<RedisSession> given = s -> {};
  private @Nullable Function<RedisSession, @Nullable Object> probe;
  private @Nullable Expect probeExpect;

  private CommandRow(Function<RedisCommands<String, String>, @Nullable Object> call, boolean isVoid, Expect expect) {
    this.call = call;
    this.isVoid = isVoid;
    this.expect = expect;
  }

  /** A call whose reply must equal {@code expected} (after {@link Normalised}), or satisfy it if an {@link Expect}. */
  static CommandRow row(Function<RedisCommands<String, String>, @Nullable Object> call, @Nullable Object expected) {
    return new CommandRow(call, false, Expect.of(expected));
  }

  /** A call of a {@code void} method: its response must be {@code null} in every mode. */
  static CommandRow voidRow(Consumer<RedisCommands<String, String>> call) {
    return new CommandRow(c -> {
      call.accept(c);
      return null;
    }, true, Expect.of(null));
  }

  /** A reply checked by a property, for one that differs from run to run (TIME, INFO, random members). */
  static Expect where(String property, Predicate<@Nullable Object> test) {
    return Expect.where(property, test);
  }

  /** A reply that must be a server error with this code ({@code WRONGTYPE}...), in every mode. */
  static Expect serverError(String code) {
    return Expect.of(new ServerError(code));
  }

  /** The call must fail with a server error of this code, in every mode. */
  CommandRow failsWith(String code) {
    this.expect = serverError(code);
    return this;
  }

  /** Runs {@code setup} on the session after the keyspace is prepared, before the call. */
  CommandRow given(Consumer<RedisSession> setup) {
    this.given = Objects.requireNonNull(setup);
    return this;
  }

  /** After the call, reads {@code probe} on the session directly; it must equal {@code expected}. */
  CommandRow then(Function<RedisSession, @Nullable Object> probe, @Nullable Object expected) {
    this.probe = probe;
    this.probeExpect = Expect.of(expected);
    return this;
  }

  /** Names the case, when a method has several rows. */
  CommandRow as(String label) {
    this.label = label;
    return this;
  }

  Consumer<RedisSession> given() {
    return given;
  }

  @Nullable Function<RedisSession, @Nullable Object> probe() {
    return probe;
  }

  @Nullable Expect probeExpect() {
    return probeExpect;
  }

  String label() {
    return label;
  }

  /** A server error reply, by its code: what a failed call leaves in the outcome. */
  record ServerError(String code) {}

  /**
   * What a reply must be: a normalised value, or a property standing for a reply that varies from run to run
   * (then the modes are compared only through the property).
   */
  record Expect(@Nullable Object expected, Function<@Nullable Object, @Nullable Object> check, boolean isProperty) {

    static Expect of(@Nullable Object expected) {
      return expected instanceof Expect given ? given : new Expect(Normalised.of(expected), r -> r, false);
    }

    static Expect where(String property, Predicate<@Nullable Object> test) {
      return new Expect(property, r -> test.test(r) ? property : r, true);
    }

    /** The normalised reply, or the property's name when the reply satisfies it. */
    @Nullable Object apply(@Nullable Object normalisedReply) {
      return check.apply(normalisedReply);
    }
  }
}
