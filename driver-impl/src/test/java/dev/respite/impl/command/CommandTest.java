package dev.respite.impl.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.command.RedisCodec;
import dev.respite.command.ScoredValue;
import dev.respite.command.SetOptions;
import dev.respite.command.ZAddOptions;
import dev.respite.impl.protocol.Replies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the families write, checked as bytes without a server. */
class CommandTest {

  @Test
  void setWithOptionsWritesEveryKeywordInOrder() throws IOException {
    RecordingView<String, String> r = new RecordingView<>(TypedCodec.UTF8);
    r.set("k", "é", SetOptions.ex(Duration.ofSeconds(10)).nx());
    assertThat(r.last()).isEqualTo("*6\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n$2\r\nEX\r\n$2\r\n10\r\n$2\r\nNX\r\n");
  }

  @Test
  void scoresAreSentAsRedisReadsThem() throws IOException {
    RecordingView<String, String> r = new RecordingView<>(TypedCodec.UTF8);
    r.zadd("z", ZAddOptions.none().ch(), List.of(ScoredValue.of(Double.NEGATIVE_INFINITY, "a"),
        ScoredValue.of(1.5, "b"), ScoredValue.of(3, "c")));
    assertThat(r.last()).contains("$4\r\n-inf\r\n$1\r\na\r\n").contains("$3\r\n1.5\r\n").contains("$1\r\n3\r\n$1\r\nc");
    assertThatThrownBy(() -> r.zadd("z", Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockingCommandsCarryTheirTimeoutInSecondsAndMillis() throws IOException {
    RecordingView<String, String> r = new RecordingView<>(TypedCodec.UTF8);
    r.blpop(Duration.ofMillis(1500), "q");
    assertThat(r.last()).isEqualTo("*3\r\n$5\r\nBLPOP\r\n$1\r\nq\r\n$5\r\n1.500\r\n");
    assertThat(r.commands.get(0).blockMillis()).isEqualTo(1500);
    r.get("k");
    assertThat(r.commands.get(1).blockMillis()).isEqualTo(Command.NOT_BLOCKING);
  }

  @Test
  void customCodecEncodesKeysAndValuesOnceEach() throws IOException {
    RedisCodec<Integer, Integer> ints = new RedisCodec<>() {
      @Override
      public byte[] encodeKey(Integer key) {
        return ("k" + key).getBytes(StandardCharsets.US_ASCII);
      }

      @Override
      public Integer decodeKey(byte[] bytes) {
        return Integer.parseInt(new String(bytes, StandardCharsets.US_ASCII).substring(1));
      }

      @Override
      public byte[] encodeValue(Integer value) {
        return Integer.toString(value).getBytes(StandardCharsets.US_ASCII);
      }

      @Override
      public Integer decodeValue(byte[] bytes) {
        return Integer.parseInt(new String(bytes, StandardCharsets.US_ASCII));
      }
    };
    TypedCodec<Integer, Integer> codec = TypedCodec.of(ints);
    RecordingView<Integer, Integer> r = new RecordingView<>(codec);
    r.hset(1, 2, 3);
    assertThat(r.last()).isEqualTo("*4\r\n$4\r\nHSET\r\n$2\r\nk1\r\n$2\r\nk2\r\n$1\r\n3\r\n");
    assertThat(codec.map.decode(Replies.ofArray(Replies.ofString("k7"), Replies.ofString("8")))).containsEntry(7, 8);
  }

  @Test
  void scoredRepliesDecodeFromResp2FlatArraysAndResp3Pairs() {
    TypedCodec<String, String> codec = TypedCodec.UTF8;
    assertThat(codec.scoredValues.decode(Replies.ofArray(Replies.ofString("a"), Replies.ofString("1.5"))))
        .containsExactly(new ScoredValue<>("a", 1.5));
    assertThat(codec.scoredValues.decode(Replies.ofArray(Replies.ofArray(Replies.ofString("a"), Replies.ofDouble(2)))))
        .containsExactly(new ScoredValue<>("a", 2.0));
  }

  @Test
  void commandsNeverShowTheirArguments() {
    RecordingView<String, String> r = new RecordingView<>(TypedCodec.UTF8);
    r.set("k", "secret-token");
    assertThat(r.commands.get(0).toString()).isEqualTo("Command[SET]");
  }

  @Test
  void variadicCommandsRefuseAnEmptyList() {
    RecordingView<String, String> r = new RecordingView<>(TypedCodec.UTF8);
    assertThatThrownBy(() -> r.del()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEL");
    assertThat(r.commands).isEmpty();
  }
}
