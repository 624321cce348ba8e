package dev.respite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.PoolStats;
import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorTypeTest {

  @Test
  void errorReplyIsNamedByItsCode() {
    assertThat(ErrorType.of(new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind")))
        .isEqualTo("WRONGTYPE");
    assertThat(ErrorType.of(new RedisServerException("ERR unknown command 'FOO'"))).isEqualTo("ERR");
    assertThat(ErrorType.of(new RedisServerException("BUSYGROUP Consumer Group name already exists")))
        .isEqualTo("BUSYGROUP");
  }

  @Test
  void errorReplyWithoutACodeLikeFirstWordNeverBecomesATagValue() {
    assertThat(ErrorType.of(new RedisServerException("order 1234 rejected"))).isEqualTo(ErrorType.SERVER);
    assertThat(ErrorType.of(new RedisServerException("9LIVES left"))).isEqualTo(ErrorType.SERVER);
    assertThat(ErrorType.of(new RedisServerException("A".repeat(33) + " long"))).isEqualTo(ErrorType.SERVER);
  }

  @Test
  void clientSideFailuresHaveShortFixedNames() {
    assertThat(ErrorType.of(new RedisTimeoutException("late", null))).isEqualTo("timeout");
    assertThat(ErrorType.of(new RedisConnectionException("reset", null))).isEqualTo("connection");
    assertThat(ErrorType.of(new RedisProtocolException("bad byte"))).isEqualTo("protocol");
    assertThat(ErrorType.of(new RedisPoolExhaustedException("p", Duration.ofMillis(5), new PoolStats(1, 0, 2, 1))))
        .isEqualTo("pool_exhausted");
    assertThat(ErrorType.of(new RedisException("session closed"))).isEqualTo("client");
    assertThat(ErrorType.of(new IllegalStateException("bug"))).isEqualTo("_OTHER");
  }
}
