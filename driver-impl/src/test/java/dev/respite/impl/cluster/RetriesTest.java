package dev.respite.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisServerException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetriesTest {

  @Test
  void onlyAnswersSayingTheCommandDidNotRunAreRetried() {
    for (String code : new String[] {"TRYAGAIN", "CLUSTERDOWN", "LOADING", "MASTERDOWN", "READONLY"}) {
      assertThat(Retries.didNotRun(new RedisServerException(code + " try later"))).as(code).isTrue();
    }
    assertThat(Retries.didNotRun(new RedisServerException("ERR wrong number of arguments"))).isFalse();
    assertThat(Retries.didNotRun(new RedisServerException("MOVED 1 127.0.0.1:7000"))).isFalse();
    assertThat(Retries.didNotRun(new RedisServerException("CROSSSLOT Keys in request don't hash"))).isFalse();
  }

  @Test
  void retriesShareOneDeadlineThenTheCauseIsThrown() {
    RedisConnectionException refused = new RedisConnectionException("Connection refused", null);
    long budget = TimeUnit.MILLISECONDS.toNanos(150);
    long start = System.nanoTime();
    long deadline = 0;
    int attempts = 0;
    try {
      while (true) {
        deadline = Retries.pause(deadline, attempts++, refused, budget);
      }
    } catch (RedisConnectionException thrown) {
      assertThat(thrown).isSameAs(refused);
    }
    long took = System.nanoTime() - start;
    assertThat(took).isBetween(budget, budget + TimeUnit.MILLISECONDS.toNanos(400));
    assertThat(attempts).isBetween(3, 30);
  }

  @Test
  void aPassedDeadlineThrowsAtOnce() {
    RedisServerException tryAgain = new RedisServerException("TRYAGAIN");
    assertThatThrownBy(() -> Retries.pause(System.nanoTime() - 1, 3, tryAgain, 1_000)).isSameAs(tryAgain);
  }

  @Test
  void theDeadlineIsOverOnlyOnceSetAndPassed() {
    assertThat(Retries.isOver(0)).as("no retry yet").isFalse();
    assertThat(Retries.isOver(System.nanoTime() + TimeUnit.SECONDS.toNanos(1))).isFalse();
    assertThat(Retries.isOver(System.nanoTime() - 1)).isTrue();
  }
}
