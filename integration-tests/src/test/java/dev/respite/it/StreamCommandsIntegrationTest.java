package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.command.AutoClaimResult;
import dev.respite.command.PendingSummary;
import dev.respite.command.StreamEntry;
import dev.respite.command.StreamReadOptions;
import dev.respite.command.StreamTrim;
import dev.respite.command.XAddOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stream commands, from XADD to consumer groups, in RESP2 and RESP3. */
class StreamCommandsIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void addRangeTrimAndReadInResp2() {
    addRangeTrimAndRead("");
  }

  @Test
  void addRangeTrimAndReadInResp3() {
    addRangeTrimAndRead("?protocol=3");
  }

  private void addRangeTrimAndRead(String options) {
    try (RedisDataSource ds = redis.dataSource(options); RedisSession s = ds.openSession()) {
      String first = s.xadd("events", Map.of("type", "login", "user", "ada"));
      String second = s.xadd("events", XAddOptions.none().id("9999999999999-0"), Map.of("type", "logout"));
      assertThat(second).isEqualTo("9999999999999-0");
      assertThat(s.xadd("absent", XAddOptions.none().noMkStream(), Map.of("a", "b"))).isNull();
      assertThat(s.xlen("events")).isEqualTo(2);
      List<StreamEntry<String, String>> all = s.xrange("events", "-", "+");
      assertThat(all).extracting(StreamEntry::id).containsExactly(first, second);
      assertThat(all.get(0).fields()).containsEntry("type", "login").containsEntry("user", "ada");
      assertThat(s.xrange("events", "-", "+", 1)).extracting(StreamEntry::id).containsExactly(first);
      assertThat(s.xrevrange("events", "+", "-", 1)).extracting(StreamEntry::id).containsExactly(second);

      Map<String, List<StreamEntry<String, String>>> read =
          s.xread(StreamReadOptions.none().count(10), Map.of("events", "0-0"));
      assertThat(read.get("events")).hasSize(2);
      assertThat(s.xread(StreamReadOptions.none(), Map.of("events", second))).isEmpty();

      for (int i = 0; i < 10; i++) {
        s.xadd("events", XAddOptions.none().trim(StreamTrim.maxLen(5)), Map.of("i", Integer.toString(i)));
      }
      assertThat(s.xlen("events")).isEqualTo(5);
      assertThat(s.xtrim("events", StreamTrim.maxLen(2))).isEqualTo(3);
      String last = s.xrevrange("events", "+", "-", 1).get(0).id();
      assertThat(s.xdel("events", last, "1-1")).isEqualTo(1);
      assertThat(s.xinfoStream("events").get("length").asLong()).isEqualTo(1);
      s.xsetId("events", "99999999999999-0");
      assertThat(s.xinfoStream("events").get("last-generated-id").asString()).isEqualTo("99999999999999-0");
    }
  }

  @Test
  void consumerGroupsDeliverAcknowledgeAndClaim() {
    try (RedisDataSource ds = redis.dataSource(""); RedisSession s = ds.openSession()) {
      s.xgroupCreate("jobs", "workers", "$");
      assertThat(s.xgroupCreateConsumer("jobs", "workers", "alice")).isTrue();
      String a = s.xadd("jobs", Map.of("job", "a"));
      String b = s.xadd("jobs", Map.of("job", "b"));
      Map<String, List<StreamEntry<String, String>>> got =
          s.xreadGroup("workers", "alice", StreamReadOptions.none().count(10), Map.of("jobs", ">"));
      assertThat(got.get("jobs")).extracting(StreamEntry::id).containsExactly(a, b);

      PendingSummary summary = s.xpending("jobs", "workers");
      assertThat(summary.count()).isEqualTo(2);
      assertThat(summary.lowestId()).isEqualTo(a);
      assertThat(summary.consumers()).containsEntry("alice", 2L);
      assertThat(s.xpending("jobs", "workers", "-", "+", 10)).extracting(p -> p.consumer())
          .containsExactly("alice", "alice");

      assertThat(s.xack("jobs", "workers", a)).isEqualTo(1);
      assertThat(s.xclaim("jobs", "workers", "bob", Duration.ZERO, b)).extracting(StreamEntry::id)
          .containsExactly(b);
      AutoClaimResult<String, String> auto = s.xautoclaim("jobs", "workers", "carol", Duration.ZERO, "0-0", 10);
      assertThat(auto.entries()).extracting(StreamEntry::id).containsExactly(b);
      assertThat(auto.nextId()).isEqualTo("0-0");
      assertThat(s.xinfoGroups("jobs")).hasSize(1);
      assertThat(s.xinfoConsumers("jobs", "workers")).hasSize(3);
      assertThat(s.xgroupDelConsumer("jobs", "workers", "carol")).isEqualTo(1);
      s.xgroupSetId("jobs", "workers", "0");
      assertThat(s.xgroupDestroy("jobs", "workers")).isTrue();
    }
  }
}
