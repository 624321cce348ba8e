package dev.respite.impl.session;

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

class RawCommandTest {

  @Test
  void subcommandWordsAndEveryArgumentTypeAreSentAsBulkStrings() throws IOException {
    String sent = written(RawCommand.of("config  get", new Object[] {"max*", "b".getBytes(StandardCharsets.UTF_8),
        42, -7L, 1.5, Double.POSITIVE_INFINITY, new BigDecimal("1E+3"), 2.5f}));
    assertThat(sent).isEqualTo("*10\r\n$6\r\nconfig\r\n$3\r\nget\r\n$4\r\nmax*\r\n$1\r\nb\r\n$2\r\n42\r\n"
        + "$2\r\n-7\r\n$3\r\n1.5\r\n$3\r\ninf\r\n$4\r\n1000\r\n$3\r\n2.5\r\n");
  }

  @Test
  void badArgumentsAreRejectedNamingTheirPosition() {
    assertThatThrownBy(() -> RawCommand.of("SET", new Object[] {"k", null}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Argument 2").hasMessageContaining("null");
    assertThatThrownBy(() -> RawCommand.of("SET", new Object[] {"k", Boolean.TRUE}))
        .hasMessageContaining("java.lang.Boolean");
    assertThatThrownBy(() -> RawCommand.of("INCRBYFLOAT", new Object[] {"k", Double.NaN}))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> RawCommand.of("  ", new Object[0])).hasMessageContaining("blank");
  }

  @ParameterizedTest
  @CsvSource({"select,SELECT", "MULTI,MULTI", "exec,EXEC", "watch,WATCH", "subscribe,SUBSCRIBE",
      "psubscribe,SUBSCRIBE", "hello,CLOSES_CONNECTION", "auth,CLOSES_CONNECTION", "monitor,CLOSES_CONNECTION",
      "get,NONE"})
  void commandsAreMappedToTheirEffectOnTheConnection(String command, CommandEffect effect) {
    assertThat(RawCommand.of(command, new Object[] {"x"}).effect()).isEqualTo(effect);
  }

  @Test
  void clientSubcommandsThatChangeStateCloseTheConnection() {
    assertThat(RawCommand.of("CLIENT SETNAME", new Object[] {"x"}).effect()).isEqualTo(CommandEffect.CLOSES_CONNECTION);
    assertThat(RawCommand.of("client", new Object[] {"reply", "off"}).effect()).isEqualTo(CommandEffect.CLOSES_CONNECTION);
    assertThat(RawCommand.of("CLIENT", new Object[] {"ID"}).effect()).isEqualTo(CommandEffect.NONE);
  }

  @Test
  void selectedDatabaseIsReadFromTextOrNumber() {
    assertThat(RawCommand.of("SELECT", new Object[] {"5"}).selectedDatabase()).isEqualTo(5);
    assertThat(RawCommand.of("SELECT", new Object[] {5}).selectedDatabase()).isEqualTo(5);
    assertThat(RawCommand.of("SELECT 3", new Object[0]).selectedDatabase()).isEqualTo(3);
    assertThat(RawCommand.of("SELECT", new Object[] {"x"}).selectedDatabase()).isEqualTo(-1);
  }

  private static String written(RawCommand command) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RespWriter writer = new RespWriter(out, 64);
    command.write(writer);
    writer.flush();
    return out.toString(StandardCharsets.UTF_8);
  }
}
