package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Script;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EVAL, EVALSHA with its NOSCRIPT fallback, and functions. */
class ScriptingIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static final Script INCR_BY_ARG =
      Script.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");

  @Test
  void evalAndScriptLoadAgreeOnTheSha() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      assertThat(s.eval("return {KEYS[1], ARGV[1]}", List.of("k"), List.of("v")).asList())
          .extracting(r -> r.asString()).containsExactly("k", "v");
      assertThat(s.scriptLoad(INCR_BY_ARG.source())).isEqualTo(INCR_BY_ARG.sha1());
      assertThat(s.scriptExists(INCR_BY_ARG.sha1(), "0000000000000000000000000000000000000000"))
          .containsExactly(true, false);
      assertThat(s.evalSha(INCR_BY_ARG.sha1(), List.of("n"), List.of("5")).asLong()).isEqualTo(5);
      assertThat(s.evalReadOnly("return redis.call('GET', KEYS[1])", List.of("n"), List.of()).asString())
          .isEqualTo("5");
      assertThatThrownBy(() -> s.evalShaReadOnly(INCR_BY_ARG.sha1(), List.of("n"), List.of("1")))
          .as("a write in a read-only script").isInstanceOf(RedisServerException.class);
    }
  }

  @Test
  void scriptFallsBackToEvalAfterScriptFlush() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      assertThat(s.eval(INCR_BY_ARG, List.of("n"), List.of("2")).asLong()).as("never loaded").isEqualTo(2);
      assertThat(s.scriptExists(INCR_BY_ARG.sha1())).containsExactly(true);
      s.scriptFlush();
      assertThat(s.scriptExists(INCR_BY_ARG.sha1())).containsExactly(false);
      assertThatThrownBy(() -> s.evalSha(INCR_BY_ARG.sha1(), List.of("n"), List.of("1")))
          .isInstanceOf(RedisServerException.class)
          .extracting(e -> ((RedisServerException) e).code()).isEqualTo("NOSCRIPT");
      assertThat(s.eval(INCR_BY_ARG, List.of("n"), List.of("3")).asLong()).isEqualTo(5);
      assertThat(s.scriptExists(INCR_BY_ARG.sha1())).as("EVAL cached it again").containsExactly(true);
    }
  }

  @Test
  void aScriptErrorIsNotMistakenForNoScript() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("text", "abc");
      assertThatThrownBy(() -> s.eval(INCR_BY_ARG, List.of("text"), List.of("1")))
          .isInstanceOf(RedisServerException.class).hasMessageContaining("not an integer");
    }
  }

  @Test
  void functionsLoadCallAndDelete() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      String library = "#!lua name=greetings\n"
          + "redis.register_function('greet', function(keys, args) return 'hello ' .. args[1] end)\n"
          + "redis.register_function{function_name='peek', callback=function(keys) return redis.call('GET', keys[1]) end,"
          + " flags={'no-writes'}}";
      assertThat(s.functionLoad(library, false)).isEqualTo("greetings");
      assertThatThrownBy(() -> s.functionLoad(library, false)).isInstanceOf(RedisServerException.class);
      assertThat(s.functionLoad(library, true)).isEqualTo("greetings");
      assertThat(s.fcall("greet", List.of(), List.of("ada")).asString()).isEqualTo("hello ada");
      s.set("k", "v");
      assertThat(s.fcallReadOnly("peek", List.of("k"), List.of()).asString()).isEqualTo("v");
      s.functionDelete("greetings");
      assertThatThrownBy(() -> s.fcall("greet", List.of(), List.of("x"))).isInstanceOf(RedisServerException.class);
      s.functionLoad(library, false);
      s.functionFlush();
      assertThatThrownBy(() -> s.fcall("greet", List.of(), List.of("x"))).isInstanceOf(RedisServerException.class);
    }
  }
}
