package dev.respite.impl.sentinel;

import dev.respite.RedisConnectionException;
import dev.respite.impl.sentinel.PrimaryGate.State;
import dev.respite.impl.topology.NodeAddress;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Knows which node is the primary of one Sentinel master name, and when no command may go anywhere. Three
 * independent means keep it right: the sentinels' events ({@link #handle}), a periodic poll and the failures
 * sessions report ({@link TopologyTasks} runs both, and every state change, on one thread), so losing one
 * never strands the client.
 *
 * <p>A primary is lent to sessions only once its {@code ROLE} said {@code master}. From the first event that
 * announces a failover of it until a new primary is confirmed (or the failover is aborted) commands wait
 * instead of being written to the old primary, which keeps acknowledging writes that vanish when it is
 * demoted. A replica announced as promoted is followed at once, before the sentinels name it
 * ({@code +switch-master} comes after every replica is reconfigured); until they do, their answers naming
 * the old primary are ignored.
 *
 * <p>Sessions see the outcome through its {@link PrimaryGate}.
 */
final class PrimaryWatch {
  private static final System.Logger LOG = System.getLogger(PrimaryWatch.class.getName());
  /** A failover held longer than this is let go (an abort or the switch was missed): the poll takes over. */
  static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

  /** Told of each switch, on the watch's thread, after sessions can see the new primary. */
  public interface SwitchListener {
    void switched(NodeAddress previous, NodeAddress current);

    void refreshed(RefreshCause cause);
  }

  private final String masterName;
  private final TopologyProbe probe;
  private final SwitchListener listener;
  private final PrimaryGate gate;
  /** The sentinels to ask, the one that answered last first; guarded by itself. */
  private final List<NodeAddress> sentinels;
  private volatile List<SentinelReplica> replicas = List.of();
  /** What the first discovery heard when it found nothing; watch thread only. */
  private @Nullable String lastProblem;
  /** The sentinels that announced a failover not yet ended; watch thread only. */
  private final Set<NodeAddress> failingOver = new HashSet<>();
  /** The old primary after a switch on a promotion, until the sentinels stop naming it; watch thread only. */
  private @Nullable NodeAddress aheadOf;

  PrimaryWatch(String masterName, List<NodeAddress> sentinels, TopologyProbe probe, SwitchListener listener) {
    this.masterName = masterName;
    this.gate = new PrimaryGate(masterName);
    this.sentinels = new ArrayList<>(sentinels);
    this.probe = probe;
    this.listener = listener;
  }

  /**
   * Asks the sentinels in order until one names a primary whose {@code ROLE} is {@code master}: the first
   * discovery, on the caller's thread.
   *
   * @throws RedisConnectionException naming every sentinel asked and what it said
   */
  void discover() {
    resolve(RefreshCause.INITIAL);
    State s = gate.state();
    if (s == null || !s.confirmed()) {
      throw new RedisConnectionException("No sentinel named a usable primary for master name '" + masterName
          + "': " + (s == null ? problemOf(null) : s.problem()), null);
    }
  }

  /** The master name watched. */
  public String masterName() {
    return masterName;
  }

  /** The primary as last confirmed, whether or not commands may go to it now. */
  public NodeAddress currentAddress() {
    return gate.require().primary().address();
  }

  /** The replicas as the sentinels last listed them. */
  public List<SentinelReplica> replicas() {
    return replicas;
  }

  /** The sentinels known now, given ones and discovered ones, the last to answer first. */
  public List<NodeAddress> sentinels() {
    synchronized (sentinels) {
      return List.copyOf(sentinels);
    }
  }

  /** What sessions wait on: the primary and whether commands may go to it now. */
  PrimaryGate gate() {
    return gate;
  }

  // ---- on the watch's thread ----

  /** Whether a failover holds commands or the primary is unconfirmed: worth asking again soon. */
  boolean needsRetry() {
    State s = gate.state();
    if (s != null && s.holdSinceNanos() != 0 && System.nanoTime() - s.holdSinceNanos() > HOLD_LIMIT.toNanos()) {
      LOG.log(Level.WARNING, "A failover of master name '" + masterName + "' held commands for " + HOLD_LIMIT
          + " without a new primary or an abort; sending them to " + s.primary().address() + " again");
      release(s);
    }
    s = gate.state();
    return s != null && !s.usable();
  }

  /** Ends the hold on commands: they go to the primary known. */
  private void release(State s) {
    failingOver.clear();
    update(new State(s.primary(), s.confirmed(), 0, s.problem()));
  }

  /**
   * Reacts to an event {@code from} one sentinel. Several sentinels may try to fail over at once (after a
   * crash each one that sees the primary down does): an abort from one releases the commands only once no
   * other sentinel has announced a failover still under way.
   */
  void handle(NodeAddress from, SentinelEvent event) {
    State s = gate.state();
    if (s == null) {
      return;
    }
    switch (event.kind()) {
      case FAILOVER_STARTED:
        failingOver.add(from);
        if (s.holdSinceNanos() == 0) {
          update(new State(s.primary(), s.confirmed(), System.nanoTime(), s.problem()));
        }
        break;
      case PROMOTED:
      case SWITCHED:
        NodeAddress next = event.newPrimary();
        if (next == null) {
          resolve(RefreshCause.EVENT);
        } else if (next.equals(s.primary().address())) {
          aheadOf = null;
          release(s);
        } else if (isMaster(next)) {
          switchTo(next, event.kind() == SentinelEvent.Kind.PROMOTED);
        } else {
          resolve(RefreshCause.EVENT); // not promoted yet by ROLE: the retry asks again
        }
        break;
      case ABORTED:
        failingOver.remove(from);
        if (failingOver.isEmpty()) {
          release(s);
        }
        resolve(RefreshCause.EVENT);
        break;
      case TOPOLOGY:
        resolve(RefreshCause.EVENT);
        break;
      default:
        break;
    }
  }

  /** Asks the sentinels in order; switches to, or confirms, the first primary whose ROLE is master. */
  void resolve(RefreshCause cause) {
    gate.resolutionStarted();
    listener.refreshed(cause);
    List<String> said = new ArrayList<>();
    try {
      for (NodeAddress sentinel : sentinels()) {
        SentinelAnswer answer;
        try {
          answer = probe.ask(sentinel);
        } catch (RuntimeException e) {
          said.add(sentinel + " failed: " + e.getMessage());
          continue;
        }
        NodeAddress named = answer.primary();
        if (named == null) {
          said.add(sentinel + " does not know master name '" + masterName + "'");
          continue;
        }
        learn(sentinel, answer);
        State s = gate.state();
        if (named.equals(aheadOf) && s != null) {
          return; // the sentinels have not caught up with the promotion followed already
        }
        String role;
        try {
          role = probe.role(named);
        } catch (RuntimeException e) {
          said.add(sentinel + " named " + named + ", which did not answer ROLE: " + e.getMessage());
          continue;
        }
        if (!role.equals("master")) {
          said.add(sentinel + " named " + named + ", whose ROLE is " + role);
          continue;
        }
        if (s == null || !named.equals(s.primary().address())) {
          switchTo(named, false);
        } else {
          aheadOf = null;
          update(new State(s.primary(), true, s.holdSinceNanos(), null));
        }
        return;
      }
      State s = gate.state();
      String problem = problemOf(said);
      if (s != null) {
        // No sentinel named a usable primary (all down, say): the one known stays usable while it says master.
        boolean stillMaster = isMaster(s.primary().address());
        LOG.log(s.confirmed() && !stillMaster ? Level.WARNING : Level.DEBUG, "Master name '" + masterName + "': "
            + problem + (stillMaster ? "; " + s.primary().address() + " still answers ROLE master and stays in use"
            : "; commands wait for a primary"));
        update(new State(s.primary(), stillMaster, s.holdSinceNanos(), problem));
      } else {
        lastProblem = problem;
      }
    } finally {
      gate.resolutionFinished();
    }
  }

  private String problemOf(@Nullable List<String> said) {
    if (said == null) {
      String problem = lastProblem;
      return problem == null ? "no sentinel was asked" : problem;
    }
    return said.isEmpty() ? "no sentinel to ask" : "asked " + said.size() + " sentinel(s): " + String.join("; ", said);
  }

  private boolean isMaster(NodeAddress node) {
    try {
      return probe.role(node).equals("master");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void switchTo(NodeAddress next, boolean onPromotion) {
    State s = gate.state();
    long generation = s == null ? 1 : s.primary().generation() + 1;
    aheadOf = onPromotion && s != null ? s.primary().address() : null;
    failingOver.clear();
    update(new State(new PrimaryGate.Primary(next, generation), true, 0, null));
    if (s != null) {
      LOG.log(Level.INFO, "Master name '" + masterName + "': primary moved from " + s.primary().address() + " to "
          + next);
      listener.switched(s.primary().address(), next);
    }
  }

  /** Puts the sentinel that answered first, adds the sentinels it knows, keeps its replica list. */
  private void learn(NodeAddress answered, SentinelAnswer answer) {
    replicas = answer.replicas();
    synchronized (sentinels) {
      sentinels.remove(answered);
      sentinels.add(0, answered);
      for (SentinelPeer peer : answer.sentinels()) {
        if (!sentinels.contains(peer.address())) {
          sentinels.add(peer.address());
        }
      }
    }
  }

  private void update(State next) {
    gate.update(next);
  }

  /** Wakes every waiter, which then fails: the data source is closing. */
  void close() {
    gate.close();
  }
}
