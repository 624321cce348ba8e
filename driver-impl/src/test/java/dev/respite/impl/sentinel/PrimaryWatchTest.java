package dev.respite.impl.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.impl.sentinel.SentinelEvent.Kind;
import dev.respite.impl.topology.NodeAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watch's state machine on canned answers: no network, no threads. */
class PrimaryWatchTest {
  private static final NodeAddress S1 = new NodeAddress("127.0.0.1", 26379);
  private static final NodeAddress S2 = new NodeAddress("127.0.0.1", 26380);
  private static final NodeAddress X = new NodeAddress("127.0.0.1", 7001);
  private static final NodeAddress Y = new NodeAddress("127.0.0.1", 7002);

  private final FakeProbe probe = new FakeProbe();
  private final List<String> switches = new ArrayList<>();
  private final List<RefreshCause> refreshes = new ArrayList<>();
  private final PrimaryWatch watch = new PrimaryWatch("orders", List.of(S1, S2), probe,
      new PrimaryWatch.SwitchListener() {
        @Override
        public void switched(NodeAddress previous, NodeAddress current) {
          switches.add(previous + "->" + current);
        }

        @Override
        public void refreshed(RefreshCause cause) {
          refreshes.add(cause);
        }
      });

  @Test
  void discoveryTakesTheFirstNamedPrimaryWhoseRoleIsMaster() {
    probe.names(S1, X).names(S2, Y).role(X, "slave").role(Y, "master");

    watch.discover();

    assertThat(watch.gate().await(soon()).address()).isEqualTo(Y);
    assertThat(watch.sentinels()).first().isEqualTo(S2); // the sentinel that answered is asked first next time
    assertThat(refreshes).containsExactly(RefreshCause.INITIAL);
  }

  @Test
  void discoveryFailsNamingEverySentinelAndWhatItSaid() {
    probe.fails(S1, "Could not connect to Redis at 127.0.0.1:26379: Connection refused").unknown(S2);

    assertThatThrownBy(watch::discover).isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("127.0.0.1:26379 failed: Could not connect")
        .hasMessageContaining("127.0.0.1:26380 does not know master name 'orders'");
  }

  @Test
  void aFailoverHoldsCommandsUntilThePromotedReplicaSaysMaster() {
    probe.names(S1, X).role(X, "master");
    watch.discover();

    watch.handle(S1, new SentinelEvent(Kind.FAILOVER_STARTED, null));
    assertThatThrownBy(() -> watch.gate().await(System.nanoTime() + 20_000_000)).isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("failover of the primary 127.0.0.1:7001").hasMessageContaining("not sent");

    probe.role(Y, "master");
    watch.handle(S1, new SentinelEvent(Kind.PROMOTED, Y));
    PrimaryGate.Primary primary = watch.gate().await(soon());
    assertThat(primary.address()).isEqualTo(Y);
    assertThat(primary.generation()).isEqualTo(2);
    assertThat(switches).containsExactly("127.0.0.1:7001->127.0.0.1:7002");
  }

  @Test
  void aPromotedReplicaThatIsNotMasterYetIsNotFollowed() {
    probe.names(S1, X).role(X, "master").role(Y, "slave");
    watch.discover();
    watch.handle(S1, new SentinelEvent(Kind.FAILOVER_STARTED, null));

    watch.handle(S1, new SentinelEvent(Kind.PROMOTED, Y));

    assertThat(switches).isEmpty();
    assertThat(watch.needsRetry()).isTrue();
  }

  @Test
  void anAbortedFailoverReleasesCommandsToTheOldPrimary() {
    probe.names(S1, X).role(X, "master");
    watch.discover();
    watch.handle(S1, new SentinelEvent(Kind.FAILOVER_STARTED, null));

    watch.handle(S1, new SentinelEvent(Kind.ABORTED, null));

    assertThat(watch.gate().await(soon()).address()).isEqualTo(X);
    assertThat(switches).isEmpty();
  }

  @Test
  void anAbortFromOneSentinelKeepsHoldingWhileAnotherOneFailsOver() {
    probe.names(S1, X).role(X, "master");
    watch.discover();
    watch.handle(S1, new SentinelEvent(Kind.FAILOVER_STARTED, null));
    watch.handle(S2, new SentinelEvent(Kind.FAILOVER_STARTED, null));

    watch.handle(S2, new SentinelEvent(Kind.ABORTED, null)); // not elected: S1 goes on
    assertThat(watch.needsRetry()).isTrue();

    watch.handle(S1, new SentinelEvent(Kind.ABORTED, null));
    assertThat(watch.gate().await(soon()).address()).isEqualTo(X);
  }

  @Test
  void afterFollowingAPromotionSentinelsStillNamingTheOldPrimaryAreIgnoredUntilTheyCatchUp() {
    probe.names(S1, X).role(X, "master").role(Y, "master"); // the old primary is writable until demoted
    watch.discover();
    watch.handle(S1, new SentinelEvent(Kind.PROMOTED, Y));

    watch.resolve(RefreshCause.POLL);
    assertThat(watch.gate().await(soon()).address()).isEqualTo(Y);

    probe.names(S1, Y);
    watch.resolve(RefreshCause.POLL);
    probe.names(S1, X); // a later, real failover back to X is followed again
    watch.resolve(RefreshCause.POLL);
    assertThat(watch.gate().await(soon()).address()).isEqualTo(X);
    assertThat(switches).hasSize(2);
  }

  @Test
  void thePollFindsANewPrimaryWhenEveryNotificationWasLost() {
    probe.names(S1, X).role(X, "master");
    watch.discover();

    probe.names(S1, Y).role(Y, "master");
    watch.resolve(RefreshCause.POLL);

    assertThat(watch.gate().await(soon()).address()).isEqualTo(Y);
    assertThat(refreshes).containsExactly(RefreshCause.INITIAL, RefreshCause.POLL);
  }

  @Test
  void withEverySentinelDownTheKnownPrimaryStaysInUseWhileItSaysMaster() {
    probe.names(S1, X).role(X, "master");
    watch.discover();
    probe.fails(S1, "down").fails(S2, "down");

    watch.resolve(RefreshCause.POLL);
    assertThat(watch.gate().await(soon()).address()).isEqualTo(X);

    probe.roleFails(X);
    watch.resolve(RefreshCause.POLL);
    assertThatThrownBy(() -> watch.gate().await(System.nanoTime() + 20_000_000)).isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("No usable primary").hasMessageContaining("127.0.0.1:26379 failed: down");
  }

  @Test
  void aClosedWatchWakesAndFailsItsWaiters() {
    probe.names(S1, X).role(X, "master");
    watch.discover();
    watch.handle(S1, new SentinelEvent(Kind.FAILOVER_STARTED, null));

    watch.close();

    assertThatThrownBy(() -> watch.gate().await(soon())).isInstanceOf(RedisException.class).hasMessageContaining("closed");
  }

  private static long soon() {
    return System.nanoTime() + 1_000_000_000L;
  }

  /** Canned sentinel answers and roles. */
  private static final class FakeProbe implements TopologyProbe {
    private final Map<NodeAddress, Object> answers = new HashMap<>();
    private final Map<NodeAddress, String> roles = new HashMap<>();

    FakeProbe names(NodeAddress sentinel, NodeAddress primary) {
      answers.put(sentinel, new SentinelAnswer(primary, List.of(), List.of()));
      return this;
    }

    FakeProbe unknown(NodeAddress sentinel) {
      answers.put(sentinel, new SentinelAnswer(null, List.of(), List.of()));
      return this;
    }

    FakeProbe fails(NodeAddress sentinel, String why) {
      answers.put(sentinel, why);
      return this;
    }

    FakeProbe role(NodeAddress node, String role) {
      roles.put(node, role);
      return this;
    }

    FakeProbe roleFails(NodeAddress node) {
      roles.remove(node);
      return this;
    }

    @Override
    public SentinelAnswer ask(NodeAddress sentinel) {
      Object answer = answers.get(sentinel);
      if (answer instanceof SentinelAnswer) {
        return (SentinelAnswer) answer;
      }
      throw new RedisConnectionException(answer == null ? "no answer" : (String) answer, null);
    }

    @Override
    public String role(NodeAddress node) {
      String role = roles.get(node);
      if (role == null) {
        throw new RedisConnectionException("Could not connect to Redis at " + node, null);
      }
      return role;
    }
  }
}
