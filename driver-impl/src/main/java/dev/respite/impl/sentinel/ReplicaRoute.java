package dev.respite.impl.sentinel;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandRunner;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.session.SessionRoute;
import dev.respite.impl.topology.NodeAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A read-only session's route: a replica the sentinels list as usable, another one if it cannot be reached,
 * and, when {@code fallBack} allows ({@code replicaPreferred}) and no replica is left, the primary. It never
 * redirects a write: a replica answers {@code READONLY}, which reaches the caller. A command that was refused
 * a connection (it never ran) moves on to the next node, unless the session holds {@code MULTI} or
 * {@code WATCH} state. Used by one thread at a time.
 */
final class ReplicaRoute implements SessionRoute {
  private final SentinelDataSource source;
  private final boolean fallBack;
  private final Set<NodeAddress> unreachable = new HashSet<>();
  private int database;
  private @Nullable RealRedisSession replica;
  private @Nullable NodeAddress replicaAddress;
  private @Nullable PrimaryRoute primary;
  private ConnectionState held = new ConnectionState(0);
  private boolean closed;

  private ReplicaRoute(SentinelDataSource source, int database, boolean fallBack) {
    this.source = source;
    this.database = database;
    this.fallBack = fallBack;
  }

  /**
   * A route on a replica, or on the primary if none is usable and {@code fallBack}.
   *
   * @throws RedisConnectionException if no replica is usable and {@code fallBack} is false
   */
  static ReplicaRoute open(SentinelDataSource source, int database, boolean fallBack) {
    ReplicaRoute route = new ReplicaRoute(source, database, fallBack);
    route.target(); // fails now if there is nowhere to read
    return route;
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    while (true) {
      SessionRoute onPrimary = primary;
      if (onPrimary != null) {
        return onPrimary.run(command);
      }
      RealRedisSession session = replicaSession();
      if (session == null) {
        continue; // fell back to the primary
      }
      try {
        T value = session.run(command);
        held.track(command, value, true);
        database = session.database();
        return value;
      } catch (RuntimeException e) {
        held.track(command, null, false);
        if (FailureCauses.neverRan(e) != RefreshCause.CONNECTION_FAILED || held.inMulti() || held.watching()) {
          throw e;
        }
        giveUpReplica();
      }
    }
  }

  @Override
  public void runPipeline(List<QueuedResponse<?>> queued) {
    target().runPipeline(queued);
  }

  @Override
  public boolean runTransaction(List<QueuedResponse<?>> queued) {
    try {
      return target().runTransaction(queued);
    } finally {
      held.transactionEnded(false);
    }
  }

  @Override
  public void releaseWatches() {
    RealRedisSession session = replica;
    SessionRoute onPrimary = primary;
    if (onPrimary != null) {
      onPrimary.releaseWatches();
    } else if (session != null && session.isPinned()) {
      session.releaseWatches();
    }
    held.unwatched();
  }

  @Override
  public void select(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    SessionRoute onPrimary = primary;
    if (onPrimary != null) {
      onPrimary.select(database);
    } else {
      RealRedisSession session = replicaSession();
      if (session == null) {
        Objects.requireNonNull(primary).select(database);
      } else {
        session.select(database);
      }
    }
    this.database = database;
  }

  @Override
  public int database() {
    return database;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    RealRedisSession session = replica;
    replica = null;
    if (session != null) {
      session.close();
    }
    SessionRoute onPrimary = primary;
    primary = null;
    if (onPrimary != null) {
      onPrimary.close();
    }
  }

  /** The session or route commands go to now, chosen on first use. */
  private CommandRunner target() {
    SessionRoute onPrimary = primary;
    if (onPrimary != null) {
      return onPrimary;
    }
    RealRedisSession session = replicaSession();
    return session != null ? session : Objects.requireNonNull(primary);
  }

  /** The session on a replica, opened on first use; null once the route fell back to the primary. */
  private @Nullable RealRedisSession replicaSession() {
    if (closed) {
      throw new RedisException("RedisSession is closed");
    }
    RealRedisSession session = replica;
    if (session != null) {
      return session;
    }
    RedisConnectionException last = null;
    for (NodeAddress candidate : source.replicaCandidates(unreachable)) {
      try {
        RealRedisSession opened = RealRedisSession.open(source.pools().pool(candidate), database);
        replica = opened;
        replicaAddress = candidate;
        return opened;
      } catch (RedisConnectionException e) {
        last = e;
        unreachable.add(candidate);
        source.pools().retire(candidate);
      }
    }
    RedisConnectionException none = new RedisConnectionException("No replica of master name '"
        + source.watch().masterName() + "' is usable for reads (the sentinels list " + source.watch().replicas().size()
        + (unreachable.isEmpty() ? "" : ", unreachable: " + unreachable) + ")"
        + (last == null ? "" : ": " + last.getMessage()), last);
    if (!fallBack) {
      throw none;
    }
    primary = PrimaryRoute.open(source, database);
    return null;
  }

  private void giveUpReplica() {
    RealRedisSession session = replica;
    NodeAddress address = replicaAddress;
    replica = null;
    replicaAddress = null;
    held = new ConnectionState(0);
    if (session != null) {
      session.close();
    }
    if (address != null) {
      unreachable.add(address);
      source.pools().retire(address);
    }
  }
}
