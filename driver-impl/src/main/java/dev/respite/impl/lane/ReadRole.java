package dev.respite.impl.lane;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The right to read a lane's socket: held by one thread at a time (the lane's reader, or a caller reading
 * its own reply), so that no reply is read twice or by two threads at once, and held for good once the
 * lane is dead. Whoever holds it gives replies out in order; giving it back and then looking at the
 * in-flight queue (while writers add to the queue and then look at the role) leaves no reply unread.
 */
final class ReadRole {
  private static final int FREE = 0;
  private static final int HELD = 1;
  private static final int DEAD = 2;

  private final AtomicInteger state = new AtomicInteger(FREE);

  /** Takes the role if nobody holds it. */
  boolean take() {
    return state.get() == FREE && state.compareAndSet(FREE, HELD);
  }

  /** Gives the role back (the holder only). */
  void free() {
    state.set(FREE);
  }

  /** Keeps the role for good: the lane is dead and its in-flight requests were failed (the holder only). */
  void kill() {
    state.set(DEAD);
  }

  boolean isFree() {
    return state.get() == FREE;
  }

  boolean isDead() {
    return state.get() == DEAD;
  }
}
