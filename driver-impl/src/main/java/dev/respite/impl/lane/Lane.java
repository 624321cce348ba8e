package dev.respite.impl.lane;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.protocol.RespReader;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One shared connection that many sessions' commands go through, matched to their replies by order.
 *
 * <p>Writer combining: a caller queues its request, then whoever gets the write lock without waiting
 * writes every queued request, in order, and flushes once; a caller that finds the lock taken leaves its
 * request to the holder, which looks at the queue again after it lets go. So one thread alone writes its
 * own command with no hand-off, and many threads' commands leave in batches. A request joins the in-flight
 * queue before its bytes are written, so the reader always finds the request a reply answers.
 *
 * <p>One reader thread reads replies and gives each to the request at the head of the in-flight queue.
 * It is a platform daemon thread on every JDK: a virtual reader would queue behind thousands of runnable
 * virtual callers on the carriers, and every caller waits for it.
 *
 * <p>Failures: whatever breaks the lane (an I/O or protocol error, a reply nobody asked for, a caller's
 * timeout, closing) closes the socket, fails every request in flight with {@link RedisConnectionException}
 * and marks those not yet written {@linkplain LaneRequest#NOT_SENT not sent}; a lane never recovers.
 *
 * <p>Bounds: at most {@code maxCommands} commands and {@code maxBytes} estimated bytes queued or in
 * flight; beyond them a caller waits for room (semaphores: parking, no monitor).
 */
final class Lane implements Runnable {
  private final RedisConnection connection;
  private final String name;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ConcurrentLinkedQueue<LaneRequest> submitted = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<LaneRequest> inFlight = new ConcurrentLinkedQueue<>();
  private final Semaphore commandRoom;
  private final Semaphore byteRoom;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
  private volatile long lastReplyNanos;

  /** A lane over {@code connection} (handshaken, in the lanes' database); starts its reader. */
  Lane(RedisConnection connection, String name, int maxCommands, int maxBytes) throws IOException {
    this.connection = connection;
    this.name = name;
    this.commandRoom = new Semaphore(maxCommands);
    this.byteRoom = new Semaphore(maxBytes);
    // Callers time their own replies (LaneRequest#await): the reader may wait for bytes forever.
    connection.readTimeout(0);
    Thread reader = new Thread(this, "respite-lane-" + name);
    reader.setDaemon(true);
    reader.setContextClassLoader(null); // an application server's class loader must stay collectable
    reader.start();
  }

  /** The shared connection, for the listeners' in-flight records. */
  RedisConnection connection() {
    return connection;
  }

  /** Whether the lane still takes requests. */
  boolean isOpen() {
    return failure.get() == null;
  }

  /** Commands queued or in flight. */
  int queued() {
    return queued.get();
  }

  long lastReplyNanos() {
    return lastReplyNanos;
  }

  /**
   * Queues {@code request} and writes what is queued if nobody else is writing.
   *
   * @return false if the lane broke before it took the request (the caller tries another)
   * @throws InterruptedException if interrupted while waiting for room
   * @throws RoomTimeout if there was no room until {@code deadlineNanos}
   */
  boolean offer(LaneRequest request, long deadlineNanos) throws InterruptedException {
    int commands = request.commands();
    if (!commandRoom.tryAcquire(commands)
        && !commandRoom.tryAcquire(commands, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      throw new RoomTimeout();
    }
    if (!byteRoom.tryAcquire(request.bytes())
        && !byteRoom.tryAcquire(request.bytes(), deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      commandRoom.release(commands);
      throw new RoomTimeout();
    }
    queued.addAndGet(commands);
    if (!isOpen()) {
      release(request);
      return false;
    }
    request.submittedAt(System.nanoTime());
    submitted.add(request);
    drain();
    return true;
  }

  /** Writes what is queued while this thread gets the lock without waiting (see the class comment). */
  private void drain() {
    while (!submitted.isEmpty() && writeLock.tryLock()) {
      try {
        writeQueued();
      } finally {
        writeLock.unlock();
      }
    }
  }

  private void writeQueued() {
    RespWriter writer = connection.writer();
    try {
      for (LaneRequest request = submitted.poll(); request != null; request = submitted.poll()) {
        if (!isOpen()) {
          release(request);
          request.notSent();
          continue;
        }
        inFlight.add(request);
        request.write(writer);
      }
      writer.flush();
    } catch (IOException | RuntimeException e) {
      broken(new RedisConnectionException("Writing to " + this + " failed: " + e.getMessage(), e));
    }
  }

  /** The reader: each reply goes to the request at the head of the in-flight queue. */
  @Override
  public void run() {
    RespReader reader = connection.reader();
    try {
      while (isOpen()) {
        Object reply;
        try {
          reply = reader.readReply();
        } catch (RedisServerException refused) {
          reply = refused; // read whole: an answer like any other
        }
        lastReplyNanos = System.nanoTime();
        LaneRequest head = inFlight.peek();
        if (head == null) {
          throw new RedisProtocolException("The server sent a reply no command on " + this + " asked for");
        }
        if (head.accept(reply)) {
          inFlight.poll();
          release(head);
        }
      }
    } catch (IOException | RuntimeException e) {
      broken(e instanceof RedisException ? (RedisException) e
          : new RedisConnectionException(this + " broke: " + e.getMessage(), e));
    } finally {
      failEverything();
    }
  }

  /** Fails what is in flight and returns what is not written, under the write lock so nothing joins late. */
  private void failEverything() {
    RuntimeException cause = failure.get();
    writeLock.lock();
    try {
      boolean head = true;
      for (LaneRequest request = inFlight.poll(); request != null; request = inFlight.poll()) {
        release(request);
        if (head && cause instanceof RedisProtocolException) {
          head = false;
          request.fail(cause); // the request whose reply was malformed learns what was wrong with it
          continue;
        }
        head = false;
        request.fail(new RedisConnectionException(request.name() + " failed: the shared connection "
            + connection.address() + " (" + name + ") broke: " + (cause == null ? "closed" : cause.getMessage())
            + "; the command may or may not have run", cause));
      }
    } finally {
      writeLock.unlock();
    }
    drain(); // anything queued meanwhile is marked not sent by writeQueued
  }

  /**
   * Called by a caller whose reply did not come in time: closes the lane (the requests behind it fail, or
   * go to another lane if not yet written) and returns the caller's exception.
   */
  RedisTimeoutException timedOut(LaneRequest request, long timeoutNanos) {
    RedisTimeoutException timeout = new RedisTimeoutException("No reply to " + request.name() + " from "
        + connection.address() + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
        + " ms (socketTimeout); the shared connection was closed", null);
    broken(timeout);
    return timeout;
  }

  /** Breaks the lane for {@code cause} (the first cause wins) and closes its socket, ending the reader. */
  void broken(RuntimeException cause) {
    if (failure.compareAndSet(null, cause)) {
      connection.close();
    }
  }

  private void release(LaneRequest request) {
    queued.addAndGet(-request.commands());
    byteRoom.release(request.bytes());
    commandRoom.release(request.commands());
  }

  @Override
  public String toString() {
    return "Lane[" + name + ", " + connection.address() + (isOpen() ? "" : ", broken") + "]";
  }

  /** No room on the lane before the caller's deadline. */
  static final class RoomTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RoomTimeout() {
      super(null, null, false, false);
    }
  }
}
