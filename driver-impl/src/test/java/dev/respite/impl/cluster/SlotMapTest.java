package dev.respite.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.impl.topology.NodeAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The immutable slot map and the one-slot patch a MOVED makes. */
class SlotMapTest {

  private final ClusterNode a = new ClusterNode(new NodeAddress("127.0.1.1", 7000), "a");
  private final ClusterNode b = new ClusterNode(new NodeAddress("127.0.1.2", 7001), "b");
  private final ClusterNode bReplica = new ClusterNode(new NodeAddress("127.0.1.3", 7002), "b2");
  private final SlotMap map = new SlotMap.Builder()
      .assign(0, 8191, SlotOwner.primaryOnly(a))
      .assign(8192, 16383, new SlotOwner(b, List.of(bReplica)))
      .build();

  @Test
  void aMovedPatchChangesOneSlotInACopy() {
    SlotMap patched = map.withSlot(100, ClusterNode.at(new NodeAddress("127.0.1.2", 7001)));

    assertThat(patched.owner(100).primary()).isEqualTo(b);
    assertThat(patched.owner(100).replicas()).containsExactly(bReplica); // the known owner is reused
    assertThat(patched.owner(99).primary()).isEqualTo(a);
    assertThat(map.owner(100).primary()).isEqualTo(a);
  }

  @Test
  void aPatchToAnUnknownNodeMakesAnOwnerWithoutReplicas() {
    NodeAddress newcomer = new NodeAddress("127.0.1.9", 7009);
    SlotMap patched = map.withSlot(16383, ClusterNode.at(newcomer));

    assertThat(patched.owner(16383)).isEqualTo(SlotOwner.primaryOnly(ClusterNode.at(newcomer)));
    assertThat(patched.owners()).hasSize(3);
  }

  @Test
  void aPromotionGivesEverySlotOfThePrimaryToTheReplicaKeepingTheOtherReplicas() {
    ClusterNode bOther = new ClusterNode(new NodeAddress("127.0.1.4", 7003), "b3");
    SlotMap twoReplicas = new SlotMap.Builder()
        .assign(0, 99, new SlotOwner(b, List.of(bReplica, bOther)))
        .assign(100, 8191, SlotOwner.primaryOnly(a))
        .assign(8192, 16383, new SlotOwner(b, List.of(bReplica, bOther)))
        .build();

    SlotMap promoted = twoReplicas.withPromoted(b.address(), bReplica);

    assertThat(promoted.owner(0)).isEqualTo(new SlotOwner(bReplica, List.of(bOther)));
    assertThat(promoted.owner(16383)).isSameAs(promoted.owner(0));
    assertThat(promoted.owner(100).primary()).isEqualTo(a);
    assertThat(promoted.isPrimary(b.address())).isFalse();
    assertThat(promoted.replicasOf(bReplica.address())).containsExactly(bOther);
    assertThat(twoReplicas.isPrimary(b.address())).isTrue();
    assertThat(twoReplicas.replicasOf(b.address())).containsExactly(bReplica, bOther);
    assertThat(promoted.withPromoted(b.address(), bReplica)).isSameAs(promoted);
  }

  @Test
  void aPatchThatChangesNothingKeepsTheMap() {
    assertThat(map.withSlot(5, ClusterNode.at(a.address()))).isSameAs(map);
  }

  @Test
  void uncoveredSlotsHaveNoOwner() {
    SlotMap partial = new SlotMap.Builder().assign(10, 19, SlotOwner.primaryOnly(a)).build();

    assertThat(partial.owner(9)).isNull();
    assertThat(partial.owner(10)).isNotNull();
    assertThat(partial.uncoveredSlots()).isEqualTo(SlotHash.SLOT_COUNT - 10);
    assertThat(SlotMap.empty().owners()).isEmpty();
    assertThat(partial.toString()).isEqualTo("SlotMap[10-19=127.0.1.1:7000]");
  }

  @Test
  void slotsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> map.owner(16384)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..16383, got 16384");
    assertThatThrownBy(() -> map.withSlot(-1, a)).hasMessageContaining("got -1");
  }
}
