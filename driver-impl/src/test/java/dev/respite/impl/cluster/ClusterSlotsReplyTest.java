package dev.respite.impl.cluster;

import static dev.respite.impl.protocol.Replies.ofArray;
import static dev.respite.impl.protocol.Replies.ofInteger;
import static dev.respite.impl.protocol.Replies.ofMap;
import static dev.respite.impl.protocol.Replies.ofNull;
import static dev.respite.impl.protocol.Replies.ofString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisException;
import dev.respite.Reply;
import dev.respite.impl.topology.CannedReplies;
import dev.respite.impl.topology.NodeAddress;
import org.junit.jupiter.api.Test;

/** CLUSTER SLOTS replies, recorded from redis-server 7.0 and hand-made for the edge cases, into a slot map. */
class ClusterSlotsReplyTest {

  @Test
  void aRecordedSixNodeClusterMapsEverySlotToAPrimaryWithItsReplica() {
    SlotMap map = ClusterSlotsReply.parse(CannedReplies.read("cluster-slots-resp2"), "127.0.0.1");

    assertThat(map.uncoveredSlots()).isZero();
    assertThat(map.owners()).hasSize(3).allSatisfy(owner -> {
      assertThat(owner.primary().address().host()).isEqualTo("127.0.0.1");
      assertThat(owner.primary().id()).hasSize(40);
      assertThat(owner.replicas()).singleElement().satisfies(r -> assertThat(r.id()).hasSize(40));
    });
    assertThat(map.owner(0)).isSameAs(map.owner(5460)).isNotSameAs(map.owner(5461));
    assertThat(map.owner(10923)).isSameAs(map.owner(16383));
  }

  @Test
  void resp3WithItsMetadataMapsGivesTheSameMapAsResp2() {
    SlotMap resp2 = ClusterSlotsReply.parse(CannedReplies.read("cluster-slots-resp2"), "127.0.0.1");
    SlotMap resp3 = ClusterSlotsReply.parse(CannedReplies.read("cluster-slots-resp3"), "127.0.0.1");

    assertThat(resp3.owners()).containsExactlyElementsOf(resp2.owners());
    assertThat(resp3.toString()).isEqualTo(resp2.toString());
  }

  @Test
  void nodeMetadataInEitherShapeIsIgnored() {
    Reply resp2Metadata = ofArray(ofString("hostname"), ofString("node-a.example"));
    Reply resp3Metadata = ofMap(ofString("hostname"), ofString("node-b.example"));
    SlotMap map = ClusterSlotsReply.parse(ofArray(
        range(0, 99, node("127.0.1.1", 7000, "a", resp2Metadata)),
        range(100, 16383, node("127.0.1.2", 7001, "b", resp3Metadata))), "127.0.1.9");

    assertThat(map.owner(99).primary()).isEqualTo(new ClusterNode(new NodeAddress("127.0.1.1", 7000), "a"));
    assertThat(map.owner(100).primary()).isEqualTo(new ClusterNode(new NodeAddress("127.0.1.2", 7001), "b"));
  }

  @Test
  void aNullEndpointMeansTheHostTheCommandWasSentTo() {
    SlotMap map = ClusterSlotsReply.parse(ofArray(range(0, 16383, ofArray(ofNull(), ofInteger(7000)))), "127.0.1.23");

    assertThat(map.owner(42).primary()).isEqualTo(ClusterNode.at(new NodeAddress("127.0.1.23", 7000)));
  }

  @Test
  void nodesWithoutAnAddressAreLeftOutAndTheirRangeUncoveredIfPrimary() {
    SlotMap map = ClusterSlotsReply.parse(ofArray(
        range(0, 9, node("?", 7000, "a"), node("127.0.1.2", 7001, "b")),
        range(10, 19, node("127.0.1.3", 7002, "c"), node("", 7003, "d"), node("?", 7004, "e"),
            node("127.0.1.5", 7005, "f")),
        range(20, 29, node("127.0.1.6", 0, "g"))), "127.0.1.9");

    assertThat(map.owner(0)).isNull();
    assertThat(map.owner(29)).isNull();
    assertThat(map.uncoveredSlots()).isEqualTo(SlotHash.SLOT_COUNT - 10);
    assertThat(map.owner(15).replicas()).extracting(ClusterNode::id).containsExactly("f");
  }

  @Test
  void oldServersWithoutNodeIdsStillMap() {
    SlotMap map = ClusterSlotsReply.parse(ofArray(range(0, 16383, ofArray(ofString("127.0.1.1"), ofInteger(6379)))),
        "127.0.1.1");

    assertThat(map.owner(16383).primary().id()).isNull();
  }

  @Test
  void malformedRepliesAreRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> ClusterSlotsReply.parse(ofString("OK"), "h"))
        .isInstanceOf(RedisException.class).hasMessageContaining("CLUSTER SLOTS reply is a BULK_STRING");
    assertThatThrownBy(() -> ClusterSlotsReply.parse(ofArray(ofArray(ofInteger(0), ofInteger(5))), "h"))
        .isInstanceOf(RedisException.class).hasMessageContaining("fewer than first, last and primary");
    assertThatThrownBy(() -> ClusterSlotsReply.parse(ofArray(range(0, 16384, node("h", 1, "a"))), "h"))
        .isInstanceOf(RedisException.class).hasMessageContaining("slot 16384 is outside 0..16383");
    assertThatThrownBy(() -> ClusterSlotsReply.parse(ofArray(range(9, 8, node("h", 1, "a"))), "h"))
        .isInstanceOf(RedisException.class).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> ClusterSlotsReply.parse(ofArray(range(0, 1, ofArray(ofString("h"), ofString("x")))), "h"))
        .isInstanceOf(RedisException.class).hasMessageContaining("expected an integer");
  }

  static Reply range(int first, int last, Reply... nodes) {
    Reply[] fields = new Reply[nodes.length + 2];
    fields[0] = ofInteger(first);
    fields[1] = ofInteger(last);
    System.arraycopy(nodes, 0, fields, 2, nodes.length);
    return ofArray(fields);
  }

  static Reply node(String host, int port, String id, Reply... metadata) {
    return metadata.length == 0
        ? ofArray(ofString(host), ofInteger(port), ofString(id))
        : ofArray(ofString(host), ofInteger(port), ofString(id), metadata[0]);
  }
}
