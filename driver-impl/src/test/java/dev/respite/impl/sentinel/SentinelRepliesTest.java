package dev.respite.impl.sentinel;

import static dev.respite.impl.protocol.Replies.ofArray;
import static dev.respite.impl.protocol.Replies.ofInteger;
import static dev.respite.impl.protocol.Replies.ofMap;
import static dev.respite.impl.protocol.Replies.ofNull;
import static dev.respite.impl.protocol.Replies.ofString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisException;
import dev.respite.impl.topology.CannedReplies;
import dev.respite.impl.topology.NodeAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentinel's replies, recorded from redis-server 7.0 in both protocols and hand-made, into small values. */
class SentinelRepliesTest {

  @Test
  void thePrimaryAddressIsReadInBothProtocols() {
    NodeAddress resp2 = SentinelReplies.primaryAddress(CannedReplies.read("sentinel-get-master-addr-resp2"));
    NodeAddress resp3 = SentinelReplies.primaryAddress(CannedReplies.read("sentinel-get-master-addr-resp3"));

    assertThat(resp2).isNotNull().isEqualTo(resp3);
    assertThat(resp2.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void anUnknownMasterNameIsNull() {
    assertThat(SentinelReplies.primaryAddress(CannedReplies.read("sentinel-get-master-addr-unknown-resp2"))).isNull();
    assertThat(SentinelReplies.primaryAddress(CannedReplies.read("sentinel-get-master-addr-unknown-resp3"))).isNull();
  }

  @Test
  void aMalformedAddressIsRefused() {
    assertThatThrownBy(() -> SentinelReplies.primaryAddress(ofArray(ofString("127.0.0.1"))))
        .isInstanceOf(RedisException.class).hasMessageContaining("expected [ip, port]");
    assertThatThrownBy(() -> SentinelReplies.primaryAddress(ofArray(ofString("127.0.0.1"), ofString("x"))))
        .isInstanceOf(RedisException.class).hasMessageContaining("Not a port number");
  }

  @Test
  void recordedReplicasAreReadAlikeFromFlatArraysAndMaps() {
    List<SentinelReplica> resp2 = SentinelReplies.replicas(CannedReplies.read("sentinel-replicas-resp2"));
    List<SentinelReplica> resp3 = SentinelReplies.replicas(CannedReplies.read("sentinel-replicas-resp3"));
    NodeAddress primary = SentinelReplies.primaryAddress(CannedReplies.read("sentinel-get-master-addr-resp2"));

    assertThat(resp2).hasSize(2).allSatisfy(replica -> {
      assertThat(replica.isAvailable()).isTrue();
      assertThat(replica.flags()).containsExactly("slave");
      assertThat(replica.primary()).isEqualTo(primary);
      assertThat(replica.priority()).isEqualTo(100);
    });
    assertThat(resp3).extracting(SentinelReplica::address)
        .containsExactlyInAnyOrderElementsOf(resp2.stream().map(SentinelReplica::address).toList());
  }

  @Test
  void recordedSentinelsAreReadAlikeFromFlatArraysAndMaps() {
    List<SentinelPeer> resp2 = SentinelReplies.sentinels(CannedReplies.read("sentinel-sentinels-resp2"));
    List<SentinelPeer> resp3 = SentinelReplies.sentinels(CannedReplies.read("sentinel-sentinels-resp3"));

    assertThat(resp2).hasSize(2).allSatisfy(peer -> {
      assertThat(peer.isAvailable()).isTrue();
      assertThat(peer.runId()).hasSize(40);
    });
    assertThat(resp3).containsExactlyInAnyOrderElementsOf(resp2);
  }

  @Test
  void downOrDisconnectedInstancesAreNotAvailable() {
    List<SentinelReplica> replicas = SentinelReplies.replicas(ofArray(
        ofMap(ofString("ip"), ofString("127.0.1.1"), ofString("port"), ofString("6380"),
            ofString("flags"), ofString("slave,s_down,disconnected"), ofString("master-link-status"), ofString("err")),
        ofArray(ofString("ip"), ofString("127.0.1.2"), ofString("port"), ofInteger(6381),
            ofString("flags"), ofString("slave"), ofString("master-link-status"), ofString("err"))));

    assertThat(replicas).extracting(SentinelReplica::isAvailable).containsExactly(false, false);
    assertThat(replicas.get(1).address()).isEqualTo(new NodeAddress("127.0.1.2", 6381));
    assertThat(replicas.get(1).primary()).isNull();
    assertThat(SentinelReplies.sentinels(ofArray(ofMap(ofString("ip"), ofString("127.0.1.3"), ofString("port"),
        ofString("26379"), ofString("flags"), ofString("sentinel,s_down"))))).singleElement()
        .satisfies(peer -> assertThat(peer.isAvailable()).isFalse());
  }

  @Test
  void instancesWithoutAnAddressAreLeftOut() {
    assertThat(SentinelReplies.replicas(ofArray(
        ofMap(ofString("ip"), ofString(""), ofString("port"), ofString("6380")),
        ofMap(ofString("ip"), ofString("?"), ofString("port"), ofString("6380")),
        ofMap(ofString("ip"), ofString("127.0.1.1"), ofString("port"), ofString("0")),
        ofMap(ofString("ip"), ofString("127.0.1.1")),
        ofMap(ofString("ip"), ofNull(), ofString("port"), ofString("6380"))))).isEmpty();
  }

  @Test
  void aReplyOfTheWrongShapeIsRefused() {
    assertThatThrownBy(() -> SentinelReplies.replicas(ofString("OK")))
        .isInstanceOf(RedisException.class).hasMessageContaining("SENTINEL REPLICAS reply, expected an array");
    assertThatThrownBy(() -> SentinelReplies.sentinels(ofArray(ofInteger(1))))
        .isInstanceOf(RedisException.class).hasMessageContaining("SENTINEL SENTINELS entry");
  }
}
