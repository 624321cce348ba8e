package dev.respite.impl.connection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Makes {@code socketTimeout} bound the whole reply, not just the silence between two bytes: a reply
 * trickled one byte at a time must still time out. Each reply gets a deadline, set when commands are sent
 * and again each time a reply is read whole (so a pipeline of many replies gets the timeout per reply); every
 * read waits only for what is left of it, through {@code SO_TIMEOUT}, which for a socket from a channel is a
 * field, not a system call.
 */
final class ReplyDeadlineInputStream extends FilterInputStream {
  private final Socket socket;
  private final LongSupplier completedReplies;
  private long timeoutNanos;
  private long deadline;
  private long lastCompleted = -1;

  ReplyDeadlineInputStream(InputStream in, Socket socket, LongSupplier completedReplies) {
    super(in);
    this.socket = socket;
    this.completedReplies = completedReplies;
  }

  /** The time each reply may take from now on, in milliseconds; 0 waits forever. */
  void timeout(int millis) {
    timeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Leaves {@code SO_TIMEOUT} to the owner: for a subscriber, whose messages come without commands. */
  void unmanaged() {
    timeoutNanos = -1;
  }

  /** Starts the clock for the replies to commands just sent. */
  void arm() {
    deadline = System.nanoTime() + timeoutNanos;
    lastCompleted = completedReplies.getAsLong();
  }

  @Override
  public int read() throws IOException {
    waitAtMostTheTimeLeft();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    waitAtMostTheTimeLeft();
    return super.read(b, off, len);
  }

  private void waitAtMostTheTimeLeft() throws IOException {
    if (timeoutNanos <= 0) {
      if (timeoutNanos == 0) {
        socket.setSoTimeout(0);
      }
      return;
    }
    long now = System.nanoTime();
    long completed = completedReplies.getAsLong();
    if (completed != lastCompleted) {
      lastCompleted = completed;
      deadline = now + timeoutNanos;
    }
    long left = deadline - now;
    if (left <= 0) {
      throw new SocketTimeoutException("Reply not complete within the timeout");
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
  }
}
