package dev.respite.impl.sentinel;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.impl.topology.NodeAddress;
import org.jspecify.annotations.Nullable;

/**
 * What sessions see of a {@link PrimaryWatch}: the primary, and whether commands may go to it now. Sessions
 * wait here (at most until their deadline) while a failover holds commands or the primary is unconfirmed;
 * the watch's thread changes the state and wakes them. The check before every command is one volatile read.
 */
final class PrimaryGate {

  /** The primary sessions use, and its generation: it changes with every switch. */
  record Primary(NodeAddress address, long generation) {}

  /**
   * Where commands may go now.
   *
   * @param confirmed whether the primary's {@code ROLE} said {@code master} at the last look-up
   * @param holdSinceNanos when a failover began to hold commands, 0 if none does
   * @param problem what the last look-up that found no usable primary heard, for messages
   */
  record State(Primary primary, boolean confirmed, long holdSinceNanos, @Nullable String problem) {
    boolean usable() {
      return confirmed && holdSinceNanos == 0;
    }
  }

  private final String masterName;
  private final Object lock = new Object();
  private volatile @Nullable State state;
  /** Look-ups begun and finished, guarded by {@link #lock}; see {@link #awaitResolutionAfter}. */
  private long resolutionsStarted;
  private long resolutionsFinished;
  private volatile boolean closed;

  PrimaryGate(String masterName) {
    this.masterName = masterName;
  }

  @Nullable State state() {
    return state;
  }

  /** Sets the state and wakes every waiter. */
  void update(State next) {
    synchronized (lock) {
      state = next;
      lock.notifyAll();
    }
  }

  State require() {
    State s = state;
    if (s == null) {
      throw new IllegalStateException("No primary of master name '" + masterName + "' was discovered yet");
    }
    return s;
  }

  /**
   * The primary to send a command to, waiting until {@code deadlineNanos} while a failover is in progress or
   * the primary is unconfirmed.
   *
   * @throws RedisConnectionException if none is usable by then; the command was not sent
   */
  Primary await(long deadlineNanos) {
    State s = state;
    if (s != null && s.usable()) {
      return s.primary();
    }
    synchronized (lock) {
      while (true) {
        s = require();
        if (closed) {
          throw new RedisException("The Sentinel data source for master name '" + masterName + "' is closed");
        }
        if (s.usable()) {
          return s.primary();
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          throw notUsable(s);
        }
        waitOnLock(left);
      }
    }
  }

  void resolutionStarted() {
    synchronized (lock) {
      resolutionsStarted++;
    }
  }

  void resolutionFinished() {
    synchronized (lock) {
      resolutionsFinished++;
      lock.notifyAll();
    }
  }

  /** How many look-ups began so far; see {@link #awaitResolutionAfter}. */
  long resolutionsStarted() {
    synchronized (lock) {
      return resolutionsStarted;
    }
  }

  /**
   * Waits until a look-up that began after {@link #resolutionsStarted()} returned {@code started} has
   * finished (they run one at a time), or until {@code deadlineNanos}.
   */
  void awaitResolutionAfter(long started, long deadlineNanos) {
    synchronized (lock) {
      while (resolutionsFinished <= started && !closed) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return;
        }
        waitOnLock(left);
      }
    }
  }

  private void waitOnLock(long nanos) {
    try {
      lock.wait(Math.max(1, nanos / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException("Interrupted while waiting for the primary of master name '" + masterName + "'", e);
    }
  }

  private RedisConnectionException notUsable(State s) {
    if (s.holdSinceNanos() != 0) {
      return new RedisConnectionException("A failover of the primary " + s.primary().address() + " of master name '"
          + masterName + "' has been in progress for " + (System.nanoTime() - s.holdSinceNanos()) / 1_000_000
          + " ms; the command was not sent", null);
    }
    return new RedisConnectionException("No usable primary for master name '" + masterName + "' (last known "
        + s.primary().address() + "): " + s.problem() + "; the command was not sent", null);
  }

  /** Wakes every waiter, which then fails: the data source is closing. */
  void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }
}
