package dev.respite.impl.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeAddressTest {

  @Test
  void configuredSeedsAndServerRepliesParseToTheSameAddress() {
    assertThat(NodeAddress.parse("[::1]:7000", "")).isEqualTo(new NodeAddress("::1", 7000));
    assertThat(NodeAddress.parse("::1:7000", "")).isEqualTo(new NodeAddress("::1", 7000));
    assertThat(NodeAddress.parse("127.0.0.1:7000", "")).isEqualTo(new NodeAddress("127.0.0.1", 7000));
  }

  @Test
  void anEmptyHostIsTheOneTheReplyCameFrom() {
    assertThat(NodeAddress.parse(":6380", "127.0.0.1")).isEqualTo(new NodeAddress("127.0.0.1", 6380));
  }

  @Test
  void textWithoutAPortIsRefusedByName() {
    assertThatThrownBy(() -> NodeAddress.parse("localhost", "")).hasMessageContaining("\"localhost\"");
  }
}
