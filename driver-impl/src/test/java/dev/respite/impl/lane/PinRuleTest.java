package dev.respite.impl.lane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.impl.command.Command;
import dev.respite.impl.command.Commands;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which frames pin a multiplexed session: one rule for typed and raw commands. */
class PinRuleTest {

  /** Raw commands given as space-separated words: each needs a connection of its own. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1", "select 0", "MULTI", "EXEC", "DISCARD", "WATCH k", "UNWATCH",
      "SUBSCRIBE c", "PSUBSCRIBE c*", "SSUBSCRIBE c", "UNSUBSCRIBE c", "PUNSUBSCRIBE", "SUNSUBSCRIBE",
      "BLPOP k 1", "BRPOP k 1", "BLMOVE a b LEFT RIGHT 1", "BLMPOP 1 1 k LEFT", "BRPOPLPUSH a b 1",
      "BZPOPMIN k 1", "BZPOPMAX k 1", "BZMPOP 1 1 k MIN", "XREAD BLOCK 10 STREAMS s 0",
      "xreadgroup GROUP g c block 10 STREAMS s >", "WAIT 1 10", "WAITAOF 1 0 10",
      "CLIENT SETNAME x", "client reply OFF", "CLIENT TRACKING on", "CLIENT CACHING yes", "CLIENT NO-EVICT on",
      "CLIENT NO-TOUCH on", "MONITOR", "HELLO 3", "AUTH pw", "RESET", "QUIT", "READONLY", "ASKING"})
  void connectionStateAndBlockingCommandsPin(String words) {
    assertThat(PinRule.needsOwnConnection(raw(words))).as(words).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GET k", "SET k v", "INCR k", "MGET a b", "HSET h f v", "XREAD COUNT 1 STREAMS s 0", "XADD s * f v",
      "LPUSH k v", "EVAL return 1 0", "PING", "ECHO hi", "CLIENT ID", "CLIENT LIST", "CLIENT KILL ID 9",
      "DEBUG SLEEP 0", "CONFIG GET maxmemory", "DEL k", "PUBLISH c m", "SCAN 0", "UNKNOWNCOMMAND x"})
  void statelessCommandsStayOnALane(String words) {
    assertThat(PinRule.needsOwnConnection(raw(words))).as(words).isFalse();
  }

  @Test
  void typedFramesAreDecidedByTheirEffectAndBlockTime() {
    assertThat(PinRule.needsOwnConnection(Commands.select(2))).isTrue();
    assertThat(PinRule.needsOwnConnection(Commands.MULTI)).isTrue();
    assertThat(PinRule.needsOwnConnection(Commands.UNWATCH)).isTrue();
    assertThat(PinRule.needsOwnConnection(Commands.PING)).isFalse();
    // A typed command made blocking pins whatever its name: XREAD with a block time, say.
    assertThat(PinRule.needsOwnConnection(Command.raw("XREAD", "STREAMS", "s", "0").blocking(10))).isTrue();
  }

  private static Command<?> raw(String words) {
    String[] parts = words.split(" ");
    return Command.raw(parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
  }
}
