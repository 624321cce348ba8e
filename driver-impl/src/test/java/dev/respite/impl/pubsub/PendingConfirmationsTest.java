package dev.respite.impl.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import org.junit.jupiter.api.Test;

/** How replies settle the confirmations a subscriber waits for, with no server. */
class PendingConfirmationsTest {
  private final PendingConfirmations pending = new PendingConfirmations();

  @Test
  void eachPongReachesTheOldestConfirmationAndAnErrorBeforeItFailsIt() {
    Confirmation first = new Confirmation();
    Confirmation second = new Confirmation();
    pending.sent(first);
    pending.sent(second);

    pending.oldest().refused(new RedisServerException("NOPERM no permission"));
    pending.removeOldest().reached();
    pending.removeOldest().reached();

    assertThatThrownBy(() -> first.await(1_000, "SUBSCRIBE")).isInstanceOf(RedisServerException.class)
        .hasMessageContaining("NOPERM");
    second.await(1_000, "SUBSCRIBE");
    assertThat(pending.removeOldest()).isNull();
  }

  @Test
  void confirmationsOfALostConnectionCompleteWithTheRenewedSubscription() {
    Confirmation sentBeforeLoss = new Confirmation();
    Confirmation askedWhileDisconnected = new Confirmation();
    pending.sent(sentBeforeLoss);
    pending.connectionLost();
    pending.awaitConnection(askedWhileDisconnected);
    assertThat(pending.oldest()).isNull(); // a late PONG of the lost connection cannot reach anything

    Confirmation renewed = new Confirmation();
    pending.connectionRenewed(renewed);
    pending.removeOldest().reached();

    sentBeforeLoss.await(1_000, "SUBSCRIBE");
    askedWhileDisconnected.await(1_000, "SUBSCRIBE");
  }

  @Test
  void unansweredConfirmationTimesOutAndClosingFailsTheRest() {
    Confirmation unanswered = new Confirmation();
    pending.sent(unanswered);
    assertThatThrownBy(() -> unanswered.await(10, "PSUBSCRIBE")).isInstanceOf(RedisTimeoutException.class)
        .hasMessageContaining("PSUBSCRIBE");

    pending.removeAll().forEach(c -> c.fail(new RedisException("closed")));
    assertThatThrownBy(() -> unanswered.await(10, "PSUBSCRIBE")).isInstanceOf(RedisException.class)
        .hasMessage("closed");
    assertThat(pending.removeAll()).isEmpty();
  }
}
