package dev.respite.impl.cluster;

import dev.respite.ReadFrom;
import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.impl.command.ClusterFrames;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandSpec;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.session.SessionRoute;
import dev.respite.impl.topology.NodeAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A cluster session's route: picks the node for each command from the slot of its keys and runs it on a
 * single-node session ({@link RealRedisSession}) opened lazily from that node's pool, at most one per node,
 * all returned on {@link #close()}. Redirections and retries live here, in {@link #runRouted}: {@code MOVED}
 * patches the map and retries on the owner, {@code ASK} sends {@code ASKING} and the command to the importing
 * node, and errors that say the command did not run ({@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code LOADING},
 * {@code MASTERDOWN}, {@code READONLY}, a refused connect) are retried with backoff within one
 * {@code socketTimeout}. A command whose reply was lost (timeout, I/O error) is never sent again.
 *
 * <p>What spans nodes has classes of its own: {@link MultiKeySplit}, {@link AllPrimaries} (keyless commands
 * that need every primary, and {@code SCAN}), {@link ClusterBatches} (pipelines and transactions).
 */
final class ClusterRoute implements SessionRoute {

  final ClusterContext cluster;
  private final boolean readOnly;
  private final NodeSessions sessions;
  /** The node a {@code WATCH} pinned the session to, until {@code EXEC}, {@code UNWATCH} or a release. */
  @Nullable NodeAddress watchedNode;
  /**
   * While a pipeline runs: the deadline shared by the retries of its commands sent again one by one (0 until the
   * first retry), so that a pipeline retries for one {@code socketTimeout} in all, not one per command; -1 otherwise.
   */
  private long pipelineDeadline = -1;
  private boolean closed;

  /** Where a command goes: the node, and whether through its {@code READONLY} (replica) connections. */
  record Target(NodeAddress node, boolean reader) {}

  ClusterRoute(ClusterContext cluster, boolean readOnly) {
    this.cluster = cluster;
    this.readOnly = readOnly;
    this.sessions = new NodeSessions(cluster.pools(), cluster.readers());
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    checkOpen();
    checkAllowed(command);
    switch (command.effect()) {
      case MULTI:
      case EXEC:
      case DISCARD:
        throw new RedisException(command.name() + " through execute() is not supported on a Redis Cluster: use"
            + " multi() or transaction(), which run on the node of their keys");
      case SELECT:
        select(command.selectedDatabase());
        break;
      case WATCH:
        return watch(command);
      case UNWATCH:
        return unwatch(command);
      default:
        break;
    }
    if (MultiKeySplit.splits(command)) {
      int[] slots = CommandSlots.slots(command);
      if (MultiKeySplit.spans(slots)) {
        return MultiKeySplit.run(this, command, slots);
      }
    }
    if (AllPrimaries.handles(command)) {
      return AllPrimaries.run(this, command);
    }
    return runRouted(CommandSlots.slotOf(command), null, command);
  }

  private <T extends @Nullable Object> T watch(Command<T> command) {
    int slot = CommandSlots.slotOf(command);
    NodeAddress pinned = watchedNode;
    if (pinned != null && !target(slot, false).node().equals(pinned)) {
      throw new RedisException("WATCH of keys in slot " + slot + " on another node than the keys this session"
          + " already watches (" + pinned + "); nothing was sent. " + CommandSlots.crossSlot("WATCH", command)
          .getMessage());
    }
    T value = runRouted(slot, pinned, command);
    // Where it ran: the pinned node, or the slot's owner now that a MOVED, if any, patched the map.
    watchedNode = pinned != null ? pinned : target(slot, false).node();
    return value;
  }

  private <T extends @Nullable Object> T unwatch(Command<T> command) {
    NodeAddress pinned = watchedNode;
    watchedNode = null;
    return runRouted(CommandSlots.NO_KEY, pinned, command);
  }

  /**
   * Runs {@code command} on the owner of {@code slot} ({@link CommandSlots#NO_KEY}: any primary), or on
   * {@code fixed} when given, following redirections and retrying what did not run.
   */
  <T extends @Nullable Object> T runRouted(int slot, @Nullable NodeAddress fixed, Command<T> command) {
    boolean reads = readOnly;
    long deadline = Math.max(0, pipelineDeadline);
    int redirects = 0;
    int attempt = 0;
    Target target = fixed != null ? new Target(fixed, false) : null;
    boolean asking = false;
    while (true) {
      RealRedisSession session;
      try {
        if (target == null) {
          target = target(slot, reads);
        }
        session = session(target);
      } catch (RedisConnectionException notSent) {
        deadline = shared(afterRefusedConnect(slot, target, fixed != null, deadline, attempt++, notSent));
        target = fixed != null ? target : null;
        continue;
      }
      try {
        if (asking) {
          session.run(ClusterFrames.ASKING);
        }
        return session.run(command);
      } catch (RedisServerException error) {
        Redirect redirect = Redirect.of(error, target.node().host());
        if (redirect != null) {
          cluster.listeners().clusterRedirected(redirect.kind() == Redirect.Kind.MOVED ? "moved" : "ask");
          if (++redirects > cluster.maxRedirects()) {
            throw new RedisException(command.name() + " was redirected more than clusterMaxRedirects="
                + cluster.maxRedirects() + " times; the last answer: " + error.serverMessage(), error);
          }
          asking = redirect.kind() == Redirect.Kind.ASK;
          if (!asking) {
            cluster.topology().moved(redirect.slot(), redirect.target());
          }
          target = new Target(redirect.target(), false);
          continue;
        }
        if (!Retries.didNotRun(error) || reads && "READONLY".equals(error.code())) {
          throw error;
        }
        cluster.topology().requestRefresh(error);
        deadline = shared(Retries.pause(deadline, attempt++, error, cluster.retryBudgetNanos()));
        asking = false;
        target = fixed != null ? target : null;
      } catch (RuntimeException lost) {
        afterFailure(target);
        throw lost; // sent, reply lost or unusable: never sent again
      }
    }
  }

  /** Keeps a retry deadline for the rest of the pipeline, if one runs. */
  private long shared(long deadline) {
    if (pipelineDeadline >= 0) {
      pipelineDeadline = deadline;
    }
    return deadline;
  }

  /**
   * Drops the node's session if its connection broke, and asks for a refresh: the node may be gone (a primary's
   * replicas are watched for a promotion, {@link PromotionWatch}).
   */
  void afterFailure(Target target) {
    if (sessions.dropIfBroken(target)) {
      cluster.topology().requestRefresh(RefreshCause.CONNECTION_FAILED);
      if (!target.reader()) {
        cluster.topology().promotions().suspect(target.node());
      }
    }
  }

  /**
   * After a connect that failed (nothing was sent): asks for a refresh, has the replicas of the node watched for
   * a promotion, and waits before the next attempt. Once the retries have used up their deadline, a command not
   * pinned to the node checks once, briefly, whether a replica has taken the node's slots
   * ({@link PromotionWatch#replaced}) or the map names another owner for its slot now and, if so, is tried
   * again on the new owner instead of failing.
   *
   * @param slot the command's slot, or {@link CommandSlots#NO_KEY}
   * @param target the node that could not be reached; null if there was no map to find one
   * @param pinned whether the command must run on that node
   * @return the deadline of the retries
   * @throws RedisConnectionException {@code notSent}, once the deadline has passed
   */
  long afterRefusedConnect(int slot, @Nullable Target target, boolean pinned, long deadline, int attempt,
      RedisConnectionException notSent) {
    cluster.topology().requestRefresh(RefreshCause.CONNECTION_FAILED);
    if (target != null && !target.reader()) {
      PromotionWatch promotions = cluster.topology().promotions();
      promotions.suspect(target.node());
      if (!pinned && Retries.isOver(deadline)) {
        long start = System.nanoTime();
        if (promotions.replaced(target.node()) || slot != CommandSlots.NO_KEY && movedAway(slot, target.node())) {
          return deadline;
        }
        notSent.addSuppressed(new RedisConnectionException("No replica of " + target.node() + " was promoted yet"
            + " (checked in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms)", null));
      }
    }
    return Retries.pause(deadline, attempt, notSent, cluster.retryBudgetNanos());
  }

  private boolean movedAway(int slot, NodeAddress node) {
    SlotOwner owner = cluster.topology().map().owner(slot);
    return owner != null && !owner.primary().address().equals(node);
  }

  /**
   * The node for {@code slot} as the map says now: its primary, or for a read-only session's read, a replica
   * where {@code readFrom} says so; {@link CommandSlots#NO_KEY}: a random primary.
   *
   * @throws RedisConnectionException if no map was read yet (retried: the command was not sent)
   * @throws RedisException naming the slot if no node serves it
   */
  Target target(int slot, boolean reads) {
    SlotMap map = cluster.topology().map();
    SlotOwner owner = slot == CommandSlots.NO_KEY ? anyOwner(map) : map.owner(slot);
    if (owner == null) {
      if (map.uncoveredSlots() == SlotHash.SLOT_COUNT) {
        RuntimeException why = cluster.topology().lastFailure();
        cluster.topology().requestRefresh(RefreshCause.UNCOVERED_SLOT);
        throw new RedisConnectionException("No node of the Redis Cluster has answered CLUSTER SLOTS yet"
            + (why == null ? "" : ": " + why.getMessage()), why);
      }
      cluster.topology().requestRefresh(RefreshCause.UNCOVERED_SLOT);
      throw new RedisException("Hash slot " + slot + " is not served by any node of the Redis Cluster"
          + " (uncovered); nothing was sent");
    }
    if (reads) {
      List<ClusterNode> replicas = owner.replicas();
      ReadFrom readFrom = cluster.readFrom();
      if (readFrom.prefersReplica() && !replicas.isEmpty()) {
        return new Target(replicas.get(ThreadLocalRandom.current().nextInt(replicas.size())).address(), true);
      }
      if (readFrom == ReadFrom.REPLICA) {
        throw new RedisException("Hash slot " + slot + " has no known replica, and readFrom=replica reads from"
            + " replicas only; nothing was sent");
      }
    }
    return new Target(owner.primary().address(), false);
  }

  private static @Nullable SlotOwner anyOwner(SlotMap map) {
    List<SlotOwner> owners = List.copyOf(map.owners());
    return owners.isEmpty() ? null : owners.get(ThreadLocalRandom.current().nextInt(owners.size()));
  }

  /** This session's single-node session on the target ({@link NodeSessions#on}). */
  RealRedisSession session(Target target) {
    return sessions.on(target);
  }

  /**
   * Refuses a write in a read-only session, as a replica would, but before sending: a cluster replica would
   * answer {@code MOVED} and the write would silently reach the primary. Commands that are neither reads nor
   * writes ({@code PING}, {@code EVAL}...) go where reads go, so a script that writes meets the replica's own
   * {@code READONLY}.
   */
  void checkAllowed(Command<?> command) {
    if (readOnly) {
      CommandSpec spec = command.spec();
      if (spec != null && spec.isWrite()) {
        throw new RedisServerException("READONLY " + command.name() + " is a write: a read-only session of a"
            + " Redis Cluster sends no writes; it was not sent");
      }
    }
  }

  /** Whether this is a read-only session: whatever it sends goes where {@code readFrom} says. */
  boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public void runPipeline(List<QueuedResponse<?>> queued) {
    checkOpen(queued);
    pipelineDeadline = 0;
    try {
      ClusterBatches.pipeline(this, queued);
    } finally {
      pipelineDeadline = -1;
    }
  }

  @Override
  public boolean runTransaction(List<QueuedResponse<?>> queued) {
    checkOpen(queued);
    if (readOnly) {
      RedisException refused = new RedisException("A read-only session of a Redis Cluster runs no transaction");
      queued.forEach(response -> response.fail(refused));
      throw refused;
    }
    return ClusterBatches.transaction(this, queued);
  }

  @Override
  public void releaseWatches() {
    watchedNode = null;
    sessions.releaseWatches();
  }

  @Override
  public void select(int database) {
    if (database != 0) {
      throw new IllegalArgumentException("A Redis Cluster has only database 0; SELECT " + database
          + " was not sent");
    }
  }

  @Override
  public int database() {
    return 0;
  }

  private void checkOpen() {
    if (closed) {
      throw new RedisException("RedisSession is closed");
    }
    if (cluster.pools().isClosed()) {
      throw cluster.pools().closedException();
    }
  }

  private void checkOpen(List<QueuedResponse<?>> queued) {
    try {
      checkOpen();
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e));
      throw e;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    watchedNode = null;
    sessions.close();
  }

  @Override
  public String toString() {
    return "cluster " + cluster.name() + (readOnly ? ", read-only" : "") + ", nodes in use " + sessions.nodes()
        + (closed ? ", closed" : "");
  }
}
