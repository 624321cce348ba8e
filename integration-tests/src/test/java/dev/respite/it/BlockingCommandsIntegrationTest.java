package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.command.KeyValue;
import dev.respite.command.ListDirection;
import dev.respite.command.ScoredValue;
import dev.respite.command.SortedSetEnd;
import dev.respite.command.StreamEntry;
import dev.respite.command.StreamReadOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Blocking commands may wait longer than socketTimeout, for that call only. */
class BlockingCommandsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void blpopWaitsLongerThanTheSocketTimeoutForAnElement() {
    try (RedisDataSource ds = redis.dataSource("?socketTimeout=300ms"); RedisSession s = ds.openSession()) {
      CompletableFuture<Void> pusher = CompletableFuture.runAsync(() -> {
        sleep(1_000);
        redis.admin().call("RPUSH", "queue", "job-1");
      });
      KeyValue<String, String> popped = s.blpop(Duration.ofSeconds(5), "other", "queue");
      assertThat(popped).isEqualTo(new KeyValue<>("queue", "job-1"));
      pusher.join();
    }
  }

  @Test
  void blpopReturnsNullAfterItsOwnTimeoutEvenWhenLongerThanTheSocketTimeout() {
    try (RedisDataSource ds = redis.dataSource("?socketTimeout=200ms"); RedisSession s = ds.openSession()) {
      assertThat(s.blpop(Duration.ofMillis(700), "empty")).isNull();
      assertThat(s.brpop(Duration.ofMillis(300), "empty")).isNull();
      assertThat(s.blmove("empty", "dst", ListDirection.LEFT, ListDirection.RIGHT, Duration.ofMillis(300))).isNull();
      assertThat(s.bzpopMin(Duration.ofMillis(300), "emptyz")).isNull();
      assertThat(s.blmpop(Duration.ofMillis(300), ListDirection.LEFT, 1, "empty")).isNull();
      assertThat(s.bzmpop(Duration.ofMillis(300), SortedSetEnd.MIN, 1, "emptyz")).isNull();
      assertThat(s.xread(StreamReadOptions.none().block(Duration.ofMillis(400)), Map.of("stream", "$"))).isEmpty();
      assertThat(s.waitReplicas(1, Duration.ofMillis(400))).isZero();
      // The read timeout went back to 200 ms: a slow ordinary command times out again.
      assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "0.6")).isInstanceOf(RedisTimeoutException.class);
    }
  }

  @Test
  void rawBlockingCommandsWaitTheirOwnTimeoutLikeTypedOnes() {
    try (RedisDataSource ds = redis.dataSource("?socketTimeout=200ms"); RedisSession s = ds.openSession()) {
      assertThat(s.execute("BLPOP", "empty", "0.6").isNull()).isTrue();
      assertThat(s.execute("BZPOPMIN", "emptyz", 0.5).isNull()).isTrue();
      assertThat(s.execute("XREAD", "BLOCK", 500, "STREAMS", "stream", "$").isNull()).isTrue();
      assertThat(s.execute("WAIT", 1, 400).asLong()).isZero();
      assertThat(ds.poolStats().idle() + ds.poolStats().active()).as("the connection was kept").isEqualTo(1);
      // The read timeout went back to 200 ms: a slow ordinary command times out again.
      assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "0.6")).isInstanceOf(RedisTimeoutException.class);
    }
  }

  @Test
  void aServerThatNeverAnswersStillTimesOutABlockingCommand() {
    try (RedisDataSource ds = redis.dataSource("?socketTimeout=300ms"); RedisSession s = ds.openSession()) {
      s.ping();
      redis.admin().call("CLIENT", "PAUSE", "3000", "ALL");
      try {
        long start = System.nanoTime();
        assertThatThrownBy(() -> s.blpop(Duration.ofMillis(500), "queue")).isInstanceOf(RedisTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_900);
      } finally {
        redis.admin().call("CLIENT", "UNPAUSE");
      }
    }
  }

  @Test
  void blockingPopsReturnWhatIsThere() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.rpush("l", "a", "b");
      assertThat(s.brpop(Duration.ZERO, "l")).isEqualTo(new KeyValue<>("l", "b"));
      assertThat(s.blmove("l", "m", ListDirection.LEFT, ListDirection.LEFT, Duration.ofSeconds(1))).isEqualTo("a");
      s.zadd("z", 2, "two");
      assertThat(s.bzpopMax(Duration.ofSeconds(1), "z")).isEqualTo(new KeyValue<>("z", new ScoredValue<>("two", 2.0)));
      String id = s.xadd("stream", Map.of("f", "v"));
      Map<String, List<StreamEntry<String, String>>> got =
          s.xread(StreamReadOptions.none().block(Duration.ofSeconds(1)), Map.of("stream", "0-0"));
      assertThat(got.get("stream")).extracting(StreamEntry::id).containsExactly(id);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
