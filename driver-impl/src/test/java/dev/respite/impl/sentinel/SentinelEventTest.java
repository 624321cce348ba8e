package dev.respite.impl.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.impl.sentinel.SentinelEvent.Kind;
import dev.respite.impl.topology.NodeAddress;
import org.junit.jupiter.api.Test;

/** Sentinel's event messages, in the formats redis-server 7.0 publishes, into what they mean for one master. */
class SentinelEventTest {

  @Test
  void aSwitchNamesTheNewPrimary() {
    SentinelEvent event = SentinelEvent.parse("orders", "+switch-master", "orders 127.0.0.1 7001 127.0.0.1 7002");

    assertThat(event).isEqualTo(new SentinelEvent(Kind.SWITCHED, new NodeAddress("127.0.0.1", 7002)));
  }

  @Test
  void theEventsBeforeThePromotionAnnounceAFailover() {
    for (String channel : new String[] {"+try-failover", "+elected-leader", "+failover-state-select-slave",
        "+failover-state-send-slaveof-noone", "+failover-state-wait-promotion"}) {
      assertThat(SentinelEvent.parse("orders", channel, "master orders 127.0.0.1 7001").kind())
          .as(channel).isEqualTo(Kind.FAILOVER_STARTED);
    }
    assertThat(SentinelEvent.parse("orders", "+selected-slave",
        "slave 127.0.0.1:7002 127.0.0.1 7002 @ orders 127.0.0.1 7001").kind()).isEqualTo(Kind.FAILOVER_STARTED);
  }

  @Test
  void aPromotionNamesThePromotedReplica() {
    SentinelEvent event = SentinelEvent.parse("orders", "+promoted-slave",
        "slave 127.0.0.1:7002 127.0.0.1 7002 @ orders 127.0.0.1 7001");

    assertThat(event).isEqualTo(new SentinelEvent(Kind.PROMOTED, new NodeAddress("127.0.0.1", 7002)));
  }

  @Test
  void anAbortReleasesTheOldPrimary() {
    assertThat(SentinelEvent.parse("orders", "-failover-abort-no-good-slave", "master orders 127.0.0.1 7001").kind())
        .isEqualTo(Kind.ABORTED);
  }

  @Test
  void downUpAndNewInstancesAreTopologyChanges() {
    assertThat(SentinelEvent.parse("orders", "+sdown", "master orders 127.0.0.1 7001").kind()).isEqualTo(Kind.TOPOLOGY);
    assertThat(SentinelEvent.parse("orders", "-sdown", "slave 127.0.0.1:7003 127.0.0.1 7003 @ orders 127.0.0.1 7001")
        .kind()).isEqualTo(Kind.TOPOLOGY);
    assertThat(SentinelEvent.parse("orders", "+sentinel",
        "sentinel 5a0c 127.0.0.1 26380 @ orders 127.0.0.1 7001").kind()).isEqualTo(Kind.TOPOLOGY);
  }

  @Test
  void eventsOfAnotherMasterNameOrMalformedAreIgnored() {
    assertThat(SentinelEvent.parse("orders", "+switch-master", "billing 127.0.0.1 7001 127.0.0.1 7002").kind())
        .isEqualTo(Kind.IGNORED);
    assertThat(SentinelEvent.parse("orders", "+try-failover", "master billing 127.0.0.1 7001").kind())
        .isEqualTo(Kind.IGNORED);
    assertThat(SentinelEvent.parse("orders", "+switch-master", "orders 127.0.0.1").kind()).isEqualTo(Kind.IGNORED);
    assertThat(SentinelEvent.parse("orders", "+promoted-slave", "slave x x x @ orders 127.0.0.1 7001").kind())
        .isEqualTo(Kind.IGNORED);
    assertThat(SentinelEvent.parse("orders", "+tilt", "#tilt mode entered").kind()).isEqualTo(Kind.IGNORED);
  }
}
