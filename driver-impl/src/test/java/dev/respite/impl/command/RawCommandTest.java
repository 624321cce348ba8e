package dev.respite.impl.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.impl.protocol.RespWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code execute(...)}'s commands are frames like the typed ones: same encoder, same effect classification. */
class RawCommandTest {

  @Test
  void subcommandWordsAndEveryArgumentTypeAreSentAsBulkStrings() throws IOException {
    String sent = written(Command.raw("config  get", "max*", "b".getBytes(StandardCharsets.UTF_8),
        42, -7L, 1.5, Double.POSITIVE_INFINITY, new BigDecimal("1E+3"), 2.5f, 0.1f, 3.0));
    assertThat(sent).isEqualTo("*12\r\n$6\r\nCONFIG\r\n$3\r\nget\r\n$4\r\nmax*\r\n$1\r\nb\r\n$2\r\n42\r\n"
        + "$2\r\n-7\r\n$3\r\n1.5\r\n$4\r\n+inf\r\n$4\r\n1000\r\n$3\r\n2.5\r\n$3\r\n0.1\r\n$1\r\n3\r\n");
  }

  @Test
  void typedAndRawCommandsFormatNumbersAlike() throws IOException {
    String typed = written(Command.of(Keywords.ZADD, Decoders.LONG, "k", Double.NEGATIVE_INFINITY, 2.0, "m"));
    String raw = written(Command.raw("ZADD", "k", Double.NEGATIVE_INFINITY, 2.0, "m"));
    assertThat(raw).isEqualTo(typed).contains("$4\r\n-inf\r\n$1\r\n2\r\n");
  }

  @Test
  void badArgumentsAreRejectedNamingTheirPosition() {
    assertThatThrownBy(() -> Command.raw("SET", "k", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Argument 2").hasMessageContaining("null");
    assertThatThrownBy(() -> Command.raw("SET", "k", Boolean.TRUE)).hasMessageContaining("java.lang.Boolean");
    assertThatThrownBy(() -> Command.raw("INCRBYFLOAT", "k", Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Command.raw("  ")).hasMessageContaining("blank");
  }

  @ParameterizedTest
  @CsvSource({"select,SELECT", "MULTI,MULTI", "exec,EXEC", "watch,WATCH", "subscribe,SUBSCRIBE",
      "psubscribe,SUBSCRIBE", "hello,CLOSES_CONNECTION", "auth,CLOSES_CONNECTION", "monitor,CLOSES_CONNECTION",
      "get,NONE"})
  void commandsAreMappedToTheirEffectOnTheConnection(String command, CommandEffect effect) {
    assertThat(Command.raw(command, "x").effect()).isEqualTo(effect);
  }

  @Test
  void clientSubcommandsThatChangeStateCloseTheConnectionTypedOrRaw() {
    assertThat(Command.raw("CLIENT SETNAME", "x").effect()).isEqualTo(CommandEffect.CLOSES_CONNECTION);
    assertThat(Command.raw("client", "reply", "off").effect()).isEqualTo(CommandEffect.CLOSES_CONNECTION);
    assertThat(Command.raw("CLIENT", "ID").effect()).isEqualTo(CommandEffect.NONE);
    assertThat(Commands.clientSetName("x").effect()).isEqualTo(CommandEffect.CLOSES_CONNECTION);
    assertThat(Command.of(Keywords.CLIENT, Decoders.LONG, Keywords.ID).effect()).isEqualTo(CommandEffect.NONE);
  }

  @Test
  void selectedDatabaseIsReadFromTextOrNumber() {
    assertThat(Command.raw("SELECT", "5").selectedDatabase()).isEqualTo(5);
    assertThat(Command.raw("SELECT", 5).selectedDatabase()).isEqualTo(5);
    assertThat(Command.raw("SELECT 3").selectedDatabase()).isEqualTo(3);
    assertThat(Command.raw("SELECT", "x").selectedDatabase()).isEqualTo(-1);
    assertThat(Commands.select(7).selectedDatabase()).isEqualTo(7);
  }

  @Test
  void rawBlockingCommandsWaitTheTimeoutTheirArgumentsGive() {
    assertThat(Command.raw("BLPOP", "a", "b", 5).blockMillis()).isEqualTo(5000);
    assertThat(Command.raw("BRPOP", "a", "0.25").blockMillis()).isEqualTo(250);
    assertThat(Command.raw("BLPOP", "a", "0").blockMillis()).as("0 blocks forever").isZero();
    assertThat(Command.raw("BLMPOP", 2, 2, "a", "b", "LEFT").blockMillis()).isEqualTo(2000);
    assertThat(Command.raw("XREAD", "COUNT", 1, "BLOCK", 1500, "STREAMS", "s", "$").blockMillis()).isEqualTo(1500);
    assertThat(Command.raw("XREAD", "STREAMS", "BLOCK", "$").blockMillis()).as("a stream named BLOCK").isEqualTo(-1);
    assertThat(Command.raw("WAIT", 1, 100).blockMillis()).isEqualTo(100);
    assertThat(Command.raw("BLPOP", "a", "soon").blockMillis()).as("refused by the server").isEqualTo(-1);
    assertThat(Command.raw("GET", "a").blockMillis()).isEqualTo(-1);
  }

  private static String written(Command<?> command) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RespWriter writer = new RespWriter(out, 64);
    command.write(writer);
    writer.flush();
    return out.toString(StandardCharsets.UTF_8);
  }
}
