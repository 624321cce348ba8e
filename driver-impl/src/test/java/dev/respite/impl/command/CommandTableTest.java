package dev.respite.impl.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key positions read from the command table, for commands whose keys stand in every way Redis describes:
 * fixed, every other argument, counted, after a keyword, and a share of the rest. Typed and raw frames
 * alike.
 */
class CommandTableTest {

  @Test
  void singleKeyCommandHasItsKeyAfterTheName() {
    assertThat(keys(Command.raw("GET", "k"))).containsExactly(1);
    assertThat(Command.raw("GET", "k").spec().isReadOnly()).isTrue();
    assertThat(Command.raw("SET", "k", "v").spec().isWrite()).isTrue();
  }

  @Test
  void msetKeysAreEveryOtherArgument() {
    assertThat(keys(Command.raw("MSET", "a", "1", "b", "2", "c", "3"))).containsExactly(1, 3, 5);
  }

  @Test
  void evalKeysAreCountedByTheirNumber() {
    assertThat(keys(Command.raw("EVAL", "return 1", 2, "k1", "k2", "arg"))).containsExactly(3, 4);
    assertThat(keys(Command.raw("EVAL", "return 1", "0", "arg"))).isEmpty();
  }

  @Test
  void xreadKeysAreTheFirstHalfAfterStreams() {
    assertThat(keys(Command.raw("XREAD", "COUNT", 2, "STREAMS", "s1", "s2", "0", "0"))).containsExactly(4, 5);
    assertThat(Command.raw("XREAD", "STREAMS", "s", "0").spec().isBlocking()).isTrue();
  }

  @Test
  void migrateKeysFollowTheKeysKeywordSearchedFromTheEnd() {
    assertThat(keys(Command.raw("MIGRATE", "h", 6379, "", 0, 5000, "KEYS", "a", "b"))).containsExactly(3, 7, 8);
  }

  @Test
  void subcommandsHaveTheirOwnSpec() {
    assertThat(Command.raw("OBJECT ENCODING", "k").spec().name()).isEqualTo("object|encoding");
    assertThat(keys(Command.raw("OBJECT", "ENCODING", "k"))).containsExactly(2);
  }

  @Test
  void namesAreFoundInAnyCaseAndOnlyCommandsWithSubcommandsReadTheirFirstArgument() {
    assertThat(CommandTable.find("set", "get").name()).isEqualTo("set"); // a key that looks like a subcommand
    assertThat(CommandTable.find("Config", "get").name()).isEqualTo("config|get");
    assertThat(CommandTable.find("CONFIG", "NOSUCH").name()).isEqualTo("config");
    assertThat(CommandTable.hasSubcommands("client")).isTrue();
    assertThat(CommandTable.hasSubcommands("GET")).isFalse();
    assertThat(CommandTable.hasSubcommands("NOSUCHCOMMAND")).isFalse();
    assertThat(Command.raw("client", "list").spec().name()).isEqualTo("client|list");
  }

  @Test
  void typedFramesAreReadLikeRawOnes() {
    assertThat(keys(Command.of(Keywords.MGET, Decoders.REPLY, "a", "b"))).containsExactly(1, 2);
  }

  @Test
  void unknownCommandsSayTheirKeysAreUnknown() {
    assertThat(Command.raw("NOSUCHCOMMAND", "x").spec()).isNull();
    assertThat(Command.raw("NOSUCHCOMMAND", "x").keyPositions().isIncomplete()).isTrue();
    assertThat(Command.raw("SORT", "k").keyPositions().isIncomplete()).isTrue();
  }

  @Test
  void tableLinesReadBackAsTheyWereWritten() {
    for (CommandSpec spec : CommandTable.all()) {
      assertThat(CommandTable.parse(spec.line())).isEqualTo(spec);
    }
    assertThat(CommandTable.all()).hasSizeGreaterThan(300);
  }

  private static List<Integer> keys(Command<?> command) {
    KeyPositions positions = command.keyPositions();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      out.add(positions.get(i));
    }
    return out;
  }
}
