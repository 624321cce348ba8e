package dev.respite.impl.connection;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Makes {@code socketTimeout} bound the whole reply, not just the silence between two bytes: a reply
 * trickled one byte at a time must still time out. Each reply gets a deadline, set when commands are sent
 * and again each time a reply is read whole (so a pipeline of many replies gets the timeout per reply).
 *
 * <p>Reads block with no socket timeout; while one waits, {@link ReplyWatchdog} may see its deadline pass
 * and close the connection, which ends the read, and the read then fails with
 * {@link SocketTimeoutException}. {@link #waitingUntil} holds the deadline of the read in progress, so the
 * watchdog can only expire a read whose own deadline passed: a new reply's read has a later deadline, and
 * its compare-and-set fails.
 */
final class ReplyDeadlineInputStream extends FilterInputStream {
  private static final long NOT_WAITING = Long.MIN_VALUE;
  private static final long EXPIRED = Long.MIN_VALUE + 1;
  /** Timeout of a subscriber's stream: {@code SO_TIMEOUT} is left to its owner. */
  private static final long UNMANAGED = -1;

  private final Closeable connection;
  private final LongSupplier completedReplies;
  private final AtomicLong waitingUntil = new AtomicLong(NOT_WAITING);
  private final byte[] single = new byte[1];
  private volatile long timeoutNanos;
  private long deadline;
  private long lastCompleted = -1;
  /** Bytes read from the socket so far: written by the reading thread only, read for JFR events. */
  private long bytesRead;

  ReplyDeadlineInputStream(InputStream in, Closeable connection, LongSupplier completedReplies) {
    super(in);
    this.connection = connection;
    this.completedReplies = completedReplies;
  }

  /** The time each reply may take from now on, in milliseconds; 0 waits forever. */
  void timeout(int millis) {
    timeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Leaves {@code SO_TIMEOUT} to the owner: for a subscriber, whose messages come without commands. */
  void unmanaged() {
    timeoutNanos = UNMANAGED;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  /** Starts the clock for the replies to commands just sent. */
  void arm() {
    deadline = System.nanoTime() + timeoutNanos;
    lastCompleted = completedReplies.getAsLong();
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long until = deadlineOfThisRead();
    if (until == NOT_WAITING) {
      return counted(super.read(b, off, len));
    }
    waitingUntil.set(until);
    int read;
    try {
      read = super.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      if (stopWaiting()) {
        throw timedOut();
      }
      throw e;
    }
    if (stopWaiting()) {
      throw timedOut();
    }
    return counted(read);
  }

  private int counted(int read) {
    if (read > 0) {
      bytesRead += read;
    }
    return read;
  }

  /** Bytes read from the socket so far, including any read ahead of the reply being parsed. */
  long bytesRead() {
    return bytesRead;
  }

  /** Called by the watchdog: closes the connection if the read in progress is past its deadline. */
  void expireIfOverdue(long now) {
    long until = waitingUntil.get();
    if (until != NOT_WAITING && until != EXPIRED && now - until >= 0
        && waitingUntil.compareAndSet(until, EXPIRED)) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // Closed or not, the reader sees the expiry and fails with a timeout.
      }
    }
  }

  /** Whether the watchdog expired the read that just ended. */
  private boolean stopWaiting() {
    return waitingUntil.getAndSet(NOT_WAITING) == EXPIRED;
  }

  /** The deadline of the reply being read, or {@link #NOT_WAITING} when nothing bounds the read. */
  private long deadlineOfThisRead() throws SocketTimeoutException {
    long timeout = timeoutNanos;
    if (timeout <= 0) {
      return NOT_WAITING;
    }
    long now = System.nanoTime();
    long completed = completedReplies.getAsLong();
    if (completed != lastCompleted) {
      lastCompleted = completed;
      deadline = now + timeout;
    }
    if (deadline - now <= 0) {
      throw timedOut();
    }
    // The two sentinels are never a deadline; a clock value equal to one waits two nanoseconds longer.
    return deadline == NOT_WAITING || deadline == EXPIRED ? deadline + 2 : deadline;
  }

  private static SocketTimeoutException timedOut() {
    return new SocketTimeoutException("Reply not complete within the timeout");
  }
}
