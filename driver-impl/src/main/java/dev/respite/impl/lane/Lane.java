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
import java.net.SocketTimeoutException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One shared connection that many sessions' commands go through, matched to their replies by order.
 *
 * <p>Writer combining: a caller queues its request, then whoever gets the write lock without waiting
 * writes every queued request, in order, and flushes once; a caller that finds the lock taken leaves its
 * request to the holder, which looks at the queue again after it lets go. Many threads' commands leave in
 * batches. A request joins the in-flight queue before its bytes are written, so a reader always finds the
 * request a reply answers.
 *
 * <p>Reading is a role ({@link ReadRole}): one thread at a time reads replies and gives each to the request
 * at the head of the in-flight queue. A caller that finds the lane idle takes the role with the write lock,
 * checks the idle socket (a close or stray bytes make it not send at all: the lane is replaced and the
 * caller tries another), writes, and reads its own reply in its own thread: one thread alone pays no
 * hand-off and no wake-up of another thread, as with a pooled connection. Otherwise the lane's reader, a
 * platform daemon thread (a virtual one would queue behind thousands of runnable virtual callers), takes
 * the role while commands are in flight and parks while none are. Nobody reads an idle lane.
 *
 * <p>Failures: whatever breaks the lane (an I/O or protocol error, a reply nobody asked for, a reply
 * overdue by {@code socketTimeout} per reply, closing) closes the socket; the role holder then fails every
 * request in flight with {@link RedisConnectionException} (the one whose reply was malformed or overdue
 * with that cause) and marks those not yet written {@linkplain LaneRequest#NOT_SENT not sent}. A lane never
 * recovers. A thread interrupted while it reads its own reply closes the lane, as it would close a pooled
 * connection (an interrupted socket read closes the socket).
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
  private final ReadRole role = new ReadRole();
  private final Thread reader;
  private volatile long lastReplyNanos;

  /** A lane over {@code connection} (handshaken, in the lanes' database); starts its reader. */
  Lane(RedisConnection connection, String name, int maxCommands, int maxBytes) throws IOException {
    this.connection = connection;
    this.name = name;
    this.commandRoom = new Semaphore(maxCommands);
    this.byteRoom = new Semaphore(maxBytes);
    // Whoever reads does so only while a reply is due, so each reply gets socketTimeout, as on a pooled
    // connection (the watchdog closes the socket when it passes).
    connection.readTimeout(connection.socketTimeoutMillis());
    this.reader = new Thread(this, "respite-lane-" + name);
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
   * Queues {@code request} and writes what is queued if nobody else is writing. On an idle lane the
   * caller becomes the reader of its own reply ({@link LaneRequest#readsOwnReply}).
   *
   * @return false if the lane broke before it took the request (the caller tries another); a request
   *     found unsendable later (its idle lane's socket was closed) is settled {@link LaneRequest#NOT_SENT}
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
    int before = queued.getAndAdd(commands);
    if (!isOpen()) {
      release(request);
      return false;
    }
    request.submittedAt(System.nanoTime());
    if (before == 0 && !Thread.currentThread().isInterrupted() && writeLock.tryLock()) {
      try {
        if (role.take()) {
          request.readsOwnReply();
        }
        submitted.add(request);
        writeQueued();
      } finally {
        writeLock.unlock();
      }
    } else {
      submitted.add(request);
    }
    drain();
    return true;
  }

  /**
   * Whether a lane with nothing in flight may be written to, checked like a pooled connection before its
   * first command (no round trip): not closed by the server, no stray bytes. Under the write lock with
   * nothing in flight nobody reads, so the socket may briefly be non-blocking.
   */
  private boolean idleSocketUsable() {
    return !connection.reader().hasBufferedInput() && connection.isQuiet();
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
    if (inFlight.isEmpty() && isOpen() && !submitted.isEmpty() && !idleSocketUsable()) {
      // Provably nothing written: what is queued goes to another lane.
      broken(new RedisConnectionException(this + " was closed by the server while idle", null));
    }
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
    if (role.isFree()) {
      LockSupport.unpark(reader); // something is in flight, or the lane broke: someone must read
    }
  }

  /** The reader thread: takes the role while something is in flight or the lane broke, else parks. */
  @Override
  public void run() {
    while (!role.isDead()) {
      if ((!isOpen() || !inFlight.isEmpty()) && role.take()) {
        readReplies(null);
      } else {
        LockSupport.park(this);
      }
    }
  }

  /** Reads, holding the role, until {@code mine} is settled (the caller's own reply). */
  void readOwnReply(LaneRequest mine) {
    readReplies(mine);
  }

  /**
   * Holding the role: gives each reply to the request at the head of the in-flight queue until
   * {@code mine} is settled (or, for the reader thread, nothing is in flight), then gives the role back;
   * if the lane broke, fails everything and keeps the role for good.
   */
  private void readReplies(@Nullable LaneRequest mine) {
    RespReader replies = connection.reader();
    try {
      while (isOpen() && (mine == null ? !inFlight.isEmpty() : !mine.isSettled())) {
        Object reply;
        try {
          reply = replies.readReply();
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
      broken(readFailure(e));
    }
    if (isOpen()) {
      role.free();
      if (!inFlight.isEmpty() || !isOpen()) {
        LockSupport.unpark(reader); // joined while this thread read, or broke just now: the reader takes over
      }
      return;
    }
    failEverything();
    role.kill();
    LockSupport.unpark(reader); // to end
  }

  private RuntimeException readFailure(Throwable e) {
    LaneRequest head = inFlight.peek();
    String command = head == null ? "a command" : head.name();
    if (e instanceof SocketTimeoutException) {
      return new RedisTimeoutException("No reply to " + command + " from " + connection.address() + " within "
          + connection.socketTimeoutMillis() + " ms (socketTimeout); the shared connection was closed", e);
    }
    return e instanceof RedisException ? (RedisException) e
        : new RedisConnectionException(this + " broke: " + e.getMessage(), e);
  }

  /** Fails what is in flight and returns what is not written, under the write lock so nothing joins late. */
  private void failEverything() {
    RuntimeException cause = failure.get();
    writeLock.lock();
    try {
      boolean head = true;
      for (LaneRequest request = inFlight.poll(); request != null; request = inFlight.poll()) {
        release(request);
        if (head && (cause instanceof RedisProtocolException || cause instanceof RedisTimeoutException)) {
          head = false;
          request.fail(cause); // the request whose reply was malformed or overdue learns what was wrong
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
   * Called by a parked caller whose reply did not come in time: closes the lane (the requests behind it
   * fail, or go to another lane if not yet written) and returns the caller's exception.
   */
  RedisTimeoutException timedOut(LaneRequest request, long timeoutNanos) {
    RedisTimeoutException timeout = new RedisTimeoutException("No reply to " + request.name() + " from "
        + connection.address() + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
        + " ms (socketTimeout); the shared connection was closed", null);
    broken(timeout);
    return timeout;
  }

  /** Breaks the lane for {@code cause} (the first cause wins) and closes its socket, ending any read. */
  void broken(RuntimeException cause) {
    if (failure.compareAndSet(null, cause)) {
      connection.close();
      LockSupport.unpark(reader); // takes the role to fail everything if nobody holds it
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
