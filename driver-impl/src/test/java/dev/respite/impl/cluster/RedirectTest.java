package dev.respite.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisServerException;
import dev.respite.impl.topology.NodeAddress;
import org.junit.jupiter.api.Test;

/** MOVED and ASK error lines into a redirection. */
class RedirectTest {

  @Test
  void movedNamesTheSlotAndItsNewOwner() {
    assertThat(Redirect.parse("-MOVED 3999 127.0.0.1:6381", "127.0.1.1"))
        .isEqualTo(new Redirect(Redirect.Kind.MOVED, 3999, new NodeAddress("127.0.0.1", 6381)));
    assertThat(Redirect.of(new RedisServerException("MOVED 0 redis-2.example:7000"), "h"))
        .isEqualTo(new Redirect(Redirect.Kind.MOVED, 0, new NodeAddress("redis-2.example", 7000)));
  }

  @Test
  void askIsTold() {
    assertThat(Redirect.parse("ASK 16383 127.0.0.1:7002", "h").kind()).isEqualTo(Redirect.Kind.ASK);
  }

  @Test
  void anEmptyHostMeansTheNodeThatAnswered() {
    assertThat(Redirect.parse("MOVED 12 :6380", "127.0.1.7").target()).isEqualTo(new NodeAddress("127.0.1.7", 6380));
  }

  @Test
  void anIpv6TargetKeepsItsColons() {
    assertThat(Redirect.parse("MOVED 12 ::1:6380", "h").target()).isEqualTo(new NodeAddress("::1", 6380));
  }

  @Test
  void otherErrorsAreNoRedirection() {
    assertThat(Redirect.parse("TRYAGAIN Multiple keys request during rehashing of slot", "h")).isNull();
    assertThat(Redirect.parse("MOVEDX 1 h:1", "h")).isNull();
    assertThat(Redirect.parse("-ERR unknown command", "h")).isNull();
  }

  @Test
  void aMalformedRedirectionIsRefusedWithItsText() {
    assertThatThrownBy(() -> Redirect.parse("MOVED 3999", "h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"MOVED 3999\"");
    assertThatThrownBy(() -> Redirect.parse("MOVED x 127.0.0.1:1", "h")).hasMessageContaining("Malformed slot");
    assertThatThrownBy(() -> Redirect.parse("ASK 16384 127.0.0.1:1", "h")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> Redirect.parse("MOVED 1 127.0.0.1", "h")).hasMessageContaining("Not a host:port");
    assertThatThrownBy(() -> Redirect.parse("MOVED 1 127.0.0.1:99999", "h")).hasMessageContaining("1..65535");
  }
}
