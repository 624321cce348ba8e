package dev.respite.impl.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  @Test
  void delaysDoubleWithinTheUpperHalfAndStopAtTheMaximum() {
    ReconnectBackoff backoff = new ReconnectBackoff(100, 1_000);
    long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
    for (long ceiling : ceilings) {
      assertThat(backoff.nextDelayMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void resetStartsAgainFromTheMinimum() {
    ReconnectBackoff backoff = new ReconnectBackoff(100, 5_000);
    for (int i = 0; i < 10; i++) {
      backoff.nextDelayMillis();
    }
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
  }

  @Test
  void boundsOutOfOrderAreRejected() {
    assertThatThrownBy(() -> new ReconnectBackoff(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectBackoff(10, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
