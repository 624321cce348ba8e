package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.Reply;
import dev.respite.command.AutoClaimedIds;
import dev.respite.command.PendingMessage;
import dev.respite.command.ScoredValue;
import dev.respite.command.StreamEntry;
import dev.respite.command.StreamReadOptions;
import dev.respite.command.XClaimOptions;
import dev.respite.command.XPendingOptions;
import dev.respite.command.ZAggregate;
import dev.respite.command.ZAggregateOptions;
import dev.respite.command.ZAddOptions;
import dev.respite.command.ZRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XCLAIM/XAUTOCLAIM/XPENDING options, XINFO STREAM FULL and sorted-set WEIGHTS/AGGREGATE/WITHSCORES. */
class StreamAndSortedSetOptionsIntegrationTest extends SessionPerTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Override
  RedisServerExtension server() {
    return redis;
  }

  /** Three entries delivered to consumer c1 of group g; returns their ids. */
  private List<String> deliveredToC1() {
    s.xgroupCreate("s", "g", "0");
    String a = s.xadd("s", Map.of("n", "1"));
    String b = s.xadd("s", Map.of("n", "2"));
    String c = s.xadd("s", Map.of("n", "3"));
    assertThat(s.xreadGroup("g", "c1", StreamReadOptions.none(), Map.of("s", ">")).get("s")).hasSize(3);
    return List.of(a, b, c);
  }

  @Test
  void xpendingFiltersByConsumerAndIdleTime() {
    List<String> ids = deliveredToC1();
    assertThat(s.xpending("s", "g", XPendingOptions.range("-", "+", 10).consumer("c1")))
        .extracting(PendingMessage::id).containsExactlyElementsOf(ids);
    assertThat(s.xpending("s", "g", XPendingOptions.range("-", "+", 10).consumer("other"))).isEmpty();
    assertThat(s.xpending("s", "g", XPendingOptions.range("-", "+", 10).idle(Duration.ofHours(1)))).isEmpty();
    assertThat(s.xpending("s", "g", XPendingOptions.range("-", "+", 2).idle(Duration.ZERO))).hasSize(2);
  }

  @Test
  void xclaimSetsIdleTimeAndRetryCountAndForcesUnpendingIds() {
    List<String> ids = deliveredToC1();
    List<StreamEntry<String, String>> claimed = s.xclaim("s", "g", "c2", Duration.ZERO,
        XClaimOptions.none().idle(Duration.ofSeconds(60)).retryCount(5), ids.get(0));
    assertThat(claimed).extracting(StreamEntry::id).containsExactly(ids.get(0));
    assertThat(claimed.get(0).fields()).isEqualTo(Map.of("n", "1"));
    PendingMessage pending = s.xpending("s", "g", XPendingOptions.range("-", "+", 10).consumer("c2")).get(0);
    assertThat(pending.deliveries()).isEqualTo(5);
    assertThat(pending.idle()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    s.xclaim("s", "g", "c2", Duration.ZERO, XClaimOptions.none().time(Instant.now().minusSeconds(120)), ids.get(1));
    assertThat(s.xpending("s", "g", XPendingOptions.range(ids.get(1), ids.get(1), 1)).get(0).idle())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(119));
    assertThat(s.xclaimJustId("s", "g", "c3", Duration.ZERO, XClaimOptions.none(), ids.get(2)))
        .containsExactly(ids.get(2));
    String fresh = s.xadd("s", Map.of("n", "4"));
    assertThat(s.xclaim("s", "g", "c3", Duration.ZERO, XClaimOptions.none(), fresh)).as("never delivered").isEmpty();
    assertThat(s.xclaimJustId("s", "g", "c3", Duration.ZERO, XClaimOptions.none().force(), fresh))
        .containsExactly(fresh);
    assertThatThrownBy(() -> XClaimOptions.none().retryCount(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void xautoclaimJustIdClaimsEveryIdleEntry() {
    List<String> ids = deliveredToC1();
    AutoClaimedIds result = s.xautoclaimJustId("s", "g", "c4", Duration.ZERO, "0-0", 10);
    assertThat(result.nextId()).isEqualTo("0-0");
    assertThat(result.claimedIds()).containsExactlyElementsOf(ids);
    assertThat(result.deletedIds()).isEmpty();
    assertThat(s.xpending("s", "g", XPendingOptions.range("-", "+", 10).consumer("c4"))).hasSize(3);
  }

  @Test
  void xinfoStreamFullDescribesEntriesAndGroups() {
    deliveredToC1();
    Map<String, Reply> full = s.xinfoStreamFull("s", 0);
    assertThat(full.get("length").asLong()).isEqualTo(3);
    assertThat(full.get("entries").asList()).hasSize(3);
    List<Reply> groups = full.get("groups").asList();
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).asMap().get("name").asString()).isEqualTo("g");
    assertThat(groups.get(0).asMap().get("pel-count").asLong()).isEqualTo(3);
    assertThat(s.xinfoStreamFull("s", 1).get("entries").asList()).hasSize(1);
  }

  @Test
  void unionAndInterTakeWeightsAndAggregate() {
    s.zadd("z1", ZAddOptions.none(), List.of(ScoredValue.of(1, "a"), ScoredValue.of(2, "b")));
    s.zadd("z2", ZAddOptions.none(), List.of(ScoredValue.of(3, "b"), ScoredValue.of(4, "c")));
    assertThat(s.zunionWithScores(ZAggregateOptions.weights(1, 2), "z1", "z2")).containsExactly(
        new ScoredValue<>("a", 1.0), new ScoredValue<>("b", 8.0), new ScoredValue<>("c", 8.0));
    assertThat(s.zinterWithScores(ZAggregateOptions.none().aggregate(ZAggregate.MAX), "z1", "z2"))
        .containsExactly(new ScoredValue<>("b", 3.0));
    assertThat(s.zunion(ZAggregateOptions.none().aggregate(ZAggregate.MIN), "z1", "z2")).containsExactly("a", "b", "c");
    assertThat(s.zinter(ZAggregateOptions.weights(2, 1), "z1", "z2")).containsExactly("b");
    assertThat(s.zdiffWithScores("z1", "z2")).containsExactly(new ScoredValue<>("a", 1.0));
    assertThat(s.zunionStore("u", ZAggregateOptions.weights(1, 0).aggregate(ZAggregate.MAX), "z1", "z2")).isEqualTo(3);
    assertThat(s.zrangeWithScores("u", ZRange.byRank(0, -1))).containsExactly(
        new ScoredValue<>("c", 0.0), new ScoredValue<>("a", 1.0), new ScoredValue<>("b", 2.0));
    assertThat(s.zinterStore("i", ZAggregateOptions.none().aggregate(ZAggregate.MIN), "z1", "z2")).isEqualTo(1);
    assertThat(s.zscore("i", "b")).isEqualTo(2.0);
    assertThatThrownBy(() -> s.zunion(ZAggregateOptions.weights(1), "z1", "z2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one weight per key");
  }

  @Test
  void zrandMemberWithScoresPairsMembersWithTheirScores() {
    s.zadd("z1", ZAddOptions.none(), List.of(ScoredValue.of(1, "a"), ScoredValue.of(2.5, "b")));
    assertThat(s.zrandMemberWithScores("z1", 5)).containsExactlyInAnyOrder(new ScoredValue<>("a", 1.0),
        new ScoredValue<>("b", 2.5));
    assertThat(s.zrandMemberWithScores("z1", -3)).hasSize(3)
        .allMatch(v -> v.equals(new ScoredValue<>("a", 1.0)) || v.equals(new ScoredValue<>("b", 2.5)));
    assertThat(s.zrandMemberWithScores("missing", 2)).isEmpty();
  }
}
