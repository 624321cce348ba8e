package dev.respite.impl.sentinel;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.session.SessionRoute;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A session's route to the current Sentinel primary. It runs commands on a single-server session
 * ({@link RealRedisSession}) over the primary's pool and, before each command, checks the primary's
 * generation: after a switch, a session that holds no server state moves to the new primary in the same
 * database; one inside {@code MULTI} or {@code WATCH} fails clearly, because that state stayed behind.
 *
 * <p>A single command that provably never ran ({@link FailureCauses#neverRan}) is run again once the
 * primary has been looked up, within {@code socketTimeout} from its start; one that was sent and whose
 * reply was lost is never sent again. Used by one thread at a time, like its session.
 */
final class PrimaryRoute implements SessionRoute {
  private static final long RECHECK_NANOS = 20_000_000;

  private final SentinelDataSource source;
  private final long budgetNanos;
  private int database;
  private @Nullable RealRedisSession inner;
  private @Nullable ConnectionPool innerPool;
  private long innerGeneration;
  /** MULTI and WATCH as this session's commands left them, to know whether it may move. */
  private ConnectionState held = new ConnectionState(0);
  private boolean closed;

  private PrimaryRoute(SentinelDataSource source, int database) {
    this.source = source;
    this.budgetNanos = source.config().socketTimeout().toNanos();
    this.database = database;
  }

  /**
   * A route with a connection to the primary already (so that an unreachable topology fails the open).
   *
   * @throws RedisConnectionException if no primary is usable within {@code socketTimeout}
   */
  static PrimaryRoute open(SentinelDataSource source, int database) {
    PrimaryRoute route = new PrimaryRoute(source, database);
    route.session(System.nanoTime() + route.budgetNanos);
    return route;
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    long deadline = System.nanoTime() + budgetNanos;
    while (true) {
      RealRedisSession session = session(deadline);
      long started = source.watch().gate().resolutionsStarted();
      try {
        T value = session.run(command);
        held.track(command, value, true);
        database = session.database();
        return value;
      } catch (RuntimeException e) {
        held.track(command, null, false);
        if (!retryable(e, started, deadline)) {
          throw e;
        }
      }
    }
  }

  /**
   * Whether a failed single command may run again: it never ran, the session holds no state, and time is
   * left. Asks for the primary to be looked up when the failure suggests it moved.
   */
  private boolean retryable(RuntimeException e, long started, long deadline) {
    boolean poolRetired = retired(innerPool, e);
    RefreshCause cause = FailureCauses.neverRan(e);
    if (cause != null) {
      source.suspect(cause);
    } else if (FailureCauses.lostConnection(e)) {
      source.suspect(RefreshCause.CONNECTION_FAILED);
    }
    if ((cause == null && !poolRetired) || holdsState() || System.nanoTime() >= deadline) {
      return false;
    }
    drop();
    if (cause != null) {
      source.watch().gate().awaitResolutionAfter(started, deadline);
      if (cause == RefreshCause.LOADING || cause == RefreshCause.MASTERDOWN) {
        // The same primary may answer so until it has loaded or reached its own primary: do not spin on it.
        LockSupport.parkNanos(Math.min(RECHECK_NANOS, Math.max(0, deadline - System.nanoTime())));
      }
    }
    return true;
  }

  @Override
  public void runPipeline(List<QueuedResponse<?>> queued) {
    RealRedisSession session = sessionFor(queued);
    try {
      session.runPipeline(queued);
    } catch (RuntimeException e) {
      suspectAfter(e);
      throw e;
    } finally {
      database = session.database();
    }
  }

  @Override
  public boolean runTransaction(List<QueuedResponse<?>> queued) {
    RealRedisSession session = sessionFor(queued);
    try {
      return session.runTransaction(queued);
    } catch (RuntimeException e) {
      suspectAfter(e);
      throw e;
    } finally {
      held.transactionEnded(false); // EXEC or a lost connection ends both the transaction and the watch
      database = session.database();
    }
  }

  /** The session a batch runs on, or else the reason there is none, given to every queued response too. */
  private RealRedisSession sessionFor(List<QueuedResponse<?>> queued) {
    try {
      return session(System.nanoTime() + budgetNanos);
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e));
      throw e;
    }
  }

  @Override
  public void releaseWatches() {
    RealRedisSession session = inner;
    if (session != null && session.isPinned() && held.watching()) {
      session.releaseWatches();
    }
    held.unwatched();
  }

  @Override
  public void select(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    RealRedisSession session = session(System.nanoTime() + budgetNanos);
    session.select(database);
    this.database = session.database();
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
    drop();
  }

  private void suspectAfter(RuntimeException e) {
    RefreshCause cause = FailureCauses.neverRan(e);
    if (cause != null) {
      source.suspect(cause);
    } else if (FailureCauses.lostConnection(e)) {
      source.suspect(RefreshCause.CONNECTION_FAILED);
    }
  }

  /**
   * The session on the current primary: the one held if the primary has not changed and its connection is
   * alive, else a new one in the same database, waiting (until {@code deadline}) through a failover.
   */
  private RealRedisSession session(long deadline) {
    if (closed) {
      throw new RedisException("RedisSession is closed");
    }
    while (true) {
      PrimaryGate.Primary primary = source.watch().gate().await(deadline);
      RealRedisSession current = inner;
      if (current != null && innerGeneration == primary.generation() && current.isPinned()) {
        return current;
      }
      if (current != null) {
        boolean moved = innerGeneration != primary.generation();
        boolean stateful = holdsState();
        drop();
        if (stateful) {
          throw new RedisConnectionException(moved
              ? "The primary of master name '" + source.watch().masterName() + "' moved to " + primary.address()
                  + " while this session was inside MULTI or WATCH; that state stayed on the old primary and"
                  + " was abandoned"
              : "This session's connection was lost inside MULTI or WATCH; that state was abandoned", null);
        }
      }
      long started = source.watch().gate().resolutionsStarted();
      ConnectionPool pool = null;
      try {
        pool = source.pools().pool(primary.address());
        RealRedisSession opened = RealRedisSession.open(pool, database);
        inner = opened;
        innerPool = pool;
        innerGeneration = primary.generation();
        return opened;
      } catch (RuntimeException e) {
        RefreshCause cause = FailureCauses.neverRan(e);
        if (cause == null && !retired(pool, e)) {
          throw e;
        }
        if (System.nanoTime() >= deadline) {
          throw e;
        }
        if (cause != null) { // else the pool was retired by a switch: the new primary is there already
          source.suspect(cause);
          source.watch().gate().awaitResolutionAfter(started, deadline);
        }
      }
    }
  }

  /**
   * Whether {@code e} is the closed-pool exception of {@code pool}, retired by a switch: thrown before
   * anything was written, so the command may go to the new primary.
   */
  private boolean retired(@Nullable ConnectionPool pool, RuntimeException e) {
    return pool != null && pool.isClosed() && !source.isClosed() && e.getClass() == RedisException.class
        && Objects.equals(e.getMessage(), pool.closedException().getMessage());
  }

  private boolean holdsState() {
    return held.inMulti() || held.watching();
  }

  /** Gives the inner session back (to a retired pool, which destroys its connection) and forgets its state. */
  private void drop() {
    RealRedisSession current = inner;
    inner = null;
    innerPool = null;
    held = new ConnectionState(0);
    if (current != null) {
      current.close();
    }
  }

  @Override
  public String toString() {
    return "PrimaryRoute[" + source.watch().masterName() + ", db=" + database + (closed ? ", closed" : "") + "]";
  }

}
