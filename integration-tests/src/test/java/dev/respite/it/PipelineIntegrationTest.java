package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pipelines: one write for many commands, replies matched to their own responses. */
class PipelineIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void tenThousandCommandsTakeFewReadsOnTheServer() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1"); RedisSession s = ds.openSession()) {
      s.ping(); // connected before measuring
      long readsBefore = serverReads();
      List<Response<Long>> counts = new ArrayList<>();
      try (Pipeline<String, String> p = s.pipeline()) {
        for (int i = 0; i < 10_000; i++) {
          counts.add(p.queue(c -> c.incr("counter")));
        }
        assertThat(p.size()).isEqualTo(10_000);
        assertThat(counts.get(0).isDone()).isFalse();
        p.sync();
      }
      long reads = serverReads() - readsBefore;
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i).get()).isEqualTo(i + 1L);
      }
      // Sent one by one, the server would read 10,000 times; in one write, a few dozen socket reads.
      assertThat(reads).isLessThan(1_000);
      assertThat(s.get("counter")).isEqualTo("10000");
    }
  }

  @Test
  void anErrorReplyFailsOnlyItsOwnResponse() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.set("text", "not a number");
      Response<Void> set;
      Response<Long> bad;
      Response<String> get;
      Response<Long> good;
      try (Pipeline<String, String> p = s.pipeline()) {
        set = p.queueVoid(c -> c.set("a", "1"));
        bad = p.queue(c -> c.incr("text"));
        get = p.queue(c -> c.get("a"));
        good = p.queue(c -> c.incr("a"));
      }
      assertThat(set.isDone()).isTrue();
      assertThatThrownBy(bad::get).isInstanceOf(RedisServerException.class).hasMessageContaining("not an integer");
      assertThat(get.get()).isEqualTo("1");
      assertThat(good.get()).isEqualTo(2);
      assertThat(s.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void closingASessionWithAnUnsyncedPipelineLeavesNoReplyForTheNextBorrower() {
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1")) {
      try (RedisSession s = ds.openSession()) {
        Pipeline<String, String> p = s.pipeline();
        p.queueVoid(c -> c.set("k", "queued"));
        // Never synced: the commands were never sent, so nothing can arrive later.
      }
      try (RedisSession next = ds.openSession()) {
        assertThat(next.get("k")).isNull();
        assertThat(next.ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void responsesAreNotReadableBeforeSyncAndQueueTakesExactlyOneCommand() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      Pipeline<String, String> p = s.pipeline();
      Response<String> r = p.queue(c -> c.get("x"));
      assertThatThrownBy(r::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("sync()");
      assertThatThrownBy(() -> p.queue(c -> c.get("a") + c.get("b"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> p.queue(c -> "no command")).isInstanceOf(IllegalArgumentException.class);
      p.sync();
      assertThat(r.get()).isNull();
      assertThat(p.size()).isZero();
    }
  }

  @Test
  void binaryViewPipelinesToo() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      byte[] key = {0, 1, 2, (byte) 0xFF};
      try (Pipeline<byte[], byte[]> p = s.binary().pipeline()) {
        p.queueVoid(c -> c.set(key, new byte[] {'\r', '\n', 0}));
        Response<byte[]> value = p.queue(c -> c.get(key));
        p.sync();
        assertThat(value.get()).containsExactly('\r', '\n', 0);
      }
    }
  }

  private static long serverReads() {
    try (var admin = redis.admin()) {
      String text = (String) admin.call("INFO", "stats");
      Matcher m = Pattern.compile("total_reads_processed:(\\d+)").matcher(text);
      assertThat(m.find()).as("INFO stats has total_reads_processed").isTrue();
      return Long.parseLong(m.group(1));
    }
  }
}
