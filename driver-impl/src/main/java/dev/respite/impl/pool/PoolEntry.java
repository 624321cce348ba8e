package dev.respite.impl.pool;

import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.spi.RedisListener.DestroyReason;
import org.jspecify.annotations.Nullable;

/**
 * A pooled connection with what the pool and sessions keep about it: the state sessions left on it, when
 * it was made and lent, how long it may live, and why it is being destroyed. The transport itself
 * ({@link RedisConnection}) knows none of this. Used by one thread at a time (its borrower, or the pool).
 */
public final class PoolEntry {
  private final RedisConnection connection;
  private final ConnectionState state;
  private final long createdAtNanos;
  private final long lifetimeNanos;
  private long borrowedAtNanos;
  private long idleSinceNanos;
  private @Nullable DestroyReason destroyReason;

  PoolEntry(RedisConnection connection, int database, long createdAtNanos, long lifetimeNanos) {
    this.connection = connection;
    this.state = new ConnectionState(database);
    this.createdAtNanos = createdAtNanos;
    this.lifetimeNanos = lifetimeNanos;
    this.idleSinceNanos = createdAtNanos;
  }

  /** The connection. */
  public RedisConnection connection() {
    return connection;
  }

  /** What sessions changed on the connection. */
  public ConnectionState state() {
    return state;
  }

  /** When the current session borrowed the connection ({@link System#nanoTime()}). */
  long borrowedAtNanos() {
    return borrowedAtNanos;
  }

  void borrowedAt(long nanos) {
    borrowedAtNanos = nanos;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  void idleSince(long nanos) {
    idleSinceNanos = nanos;
  }

  /** Whether the connection has outlived its lifetime at {@code nowNanos}; a zero lifetime never ends. */
  boolean isExpired(long nowNanos) {
    return lifetimeNanos > 0 && nowNanos - createdAtNanos >= lifetimeNanos;
  }

  /** Whether it can be lent as far as memory tells: in step with the server, no state that must close it. */
  boolean isInStep() {
    return !state.isMustClose() && connection.isInStep();
  }

  /** Records why the connection is about to be destroyed; the first reason given wins. */
  void destroyReason(DestroyReason reason) {
    if (destroyReason == null) {
      destroyReason = reason;
    }
  }

  /** Why it is destroyed: the reason recorded, else broken if a failure broke it, else null. */
  @Nullable DestroyReason destroyReason() {
    return destroyReason != null ? destroyReason : connection.isBroken() ? DestroyReason.BROKEN : null;
  }

  @Override
  public String toString() {
    return connection + "[db=" + state.database() + "]";
  }
}
