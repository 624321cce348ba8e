package dev.respite.impl.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One daemon thread that closes connections whose reply is overdue, so that reads can block with no socket
 * timeout at all. A read with {@code SO_TIMEOUT} on a socket from a channel switches the socket to
 * non-blocking and back around every read (two extra system calls per reply on JDK 17 to 25); a read
 * without one is a single blocking system call, or a park on the poller for a virtual thread.
 *
 * <p>The thread looks every tenth of the shortest timeout it watches (at least every 100 ms, at most every
 * millisecond), so a timeout fires at most about 10% late. It runs only while some connection is open.
 */
final class ReplyWatchdog implements Runnable {
  static final ReplyWatchdog SHARED = new ReplyWatchdog();

  private static final long LONGEST_TICK = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long SHORTEST_TICK = TimeUnit.MILLISECONDS.toNanos(1);

  private final Set<ReplyDeadlineInputStream> watched = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable Thread thread;

  private ReplyWatchdog() {}

  /** Starts watching {@code input}'s reads; called once per connection. */
  void watch(ReplyDeadlineInputStream input) {
    watched.add(input);
    lock.lock();
    try {
      if (thread == null) {
        Thread started = new Thread(this, "respite-reply-timeout");
        started.setDaemon(true);
        started.setContextClassLoader(null); // an application server's class loader must stay collectable
        started.start();
        thread = started;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops watching {@code input}; its connection is closed. */
  void forget(ReplyDeadlineInputStream input) {
    watched.remove(input);
  }

  @Override
  public void run() {
    while (true) {
      long now = System.nanoTime();
      long tick = LONGEST_TICK;
      for (ReplyDeadlineInputStream input : watched) {
        input.expireIfOverdue(now);
        long timeout = input.timeoutNanos();
        if (timeout > 0) {
          tick = Math.min(tick, timeout / 10);
        }
      }
      LockSupport.parkNanos(Math.max(tick, SHORTEST_TICK));
      if (watched.isEmpty() && stopIfIdle()) {
        return;
      }
    }
  }

  private boolean stopIfIdle() {
    lock.lock();
    try {
      if (!watched.isEmpty()) {
        return false;
      }
      thread = null;
      return true;
    } finally {
      lock.unlock();
    }
  }
}
