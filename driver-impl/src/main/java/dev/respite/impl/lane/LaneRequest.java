package dev.respite.impl.lane;

import dev.respite.RedisException;
import dev.respite.impl.command.Command;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * What one caller put on a lane: one command, or a pipeline's commands written contiguously, and their
 * replies as the lane's reader reads them. Its outcome is settled once, by a compare-and-set: answered by
 * the reader, failed with the lane, not sent (the caller tries another lane), timed out or abandoned by the
 * caller. A reply therefore reaches its own caller or nobody. The caller parks while it waits
 * ({@link LockSupport}, never a monitor), so a waiting virtual thread does not pin its carrier; a caller
 * that found its lane idle holds the lane's read role and reads the replies itself instead.
 */
final class LaneRequest {
  /** The outcome of a request whose every reply arrived. */
  static final Object ANSWERED = new Object();
  /** The outcome of a request never written: the caller may send it on another lane. */
  static final Object NOT_SENT = new Object();
  private static final Object GAVE_UP = new Object();

  private final Command<?>[] commands;
  private final int bytes;
  private final Thread caller = Thread.currentThread();
  /** Replies ({@code Reply}) or error replies ({@code RedisServerException}); written by the reader only. */
  private final Object[] replies;
  private int received;
  private final AtomicReference<@Nullable Object> outcome = new AtomicReference<>();
  private long submittedAtNanos;
  /** Whether the caller took its lane's read role when it was written (an idle lane): it reads itself. */
  private boolean readsOwnReply;
  /** What the listeners gave when the request was first offered (0: nobody watches). */
  private long startNanos;

  LaneRequest(Command<?>[] commands) {
    this.commands = commands;
    this.replies = new Object[commands.length];
    long size = 0;
    for (Command<?> command : commands) {
      size += FrameSize.of(command);
    }
    this.bytes = (int) Math.min(Integer.MAX_VALUE, size);
  }

  /** A fresh request for the same commands, to send on another lane after {@link #NOT_SENT}. */
  LaneRequest again() {
    LaneRequest retry = new LaneRequest(commands);
    retry.startNanos = startNanos;
    return retry;
  }

  long startNanos() {
    return startNanos;
  }

  void startNanos(long nanos) {
    startNanos = nanos;
  }

  int commands() {
    return commands.length;
  }

  int bytes() {
    return bytes;
  }

  /** The first command's name, for messages. */
  String name() {
    return commands[0].name();
  }

  void submittedAt(long nanos) {
    submittedAtNanos = nanos;
  }

  /** The caller holds the lane's read role and will read the replies itself ({@link Lane#offer}). */
  void readsOwnReply() {
    readsOwnReply = true;
  }

  boolean isSettled() {
    return outcome.get() != null;
  }

  /** Writes every command; the caller flushes. */
  void write(RespWriter writer) throws IOException {
    for (Command<?> command : commands) {
      command.write(writer);
    }
  }

  /**
   * Takes the next reply in order (reader thread); true when it was the last one. A reply to a request its
   * caller gave up on is counted, then dropped.
   */
  boolean accept(Object reply) {
    replies[received++] = reply;
    if (received < replies.length) {
      return false;
    }
    settle(ANSWERED);
    return true;
  }

  /** Fails the request with {@code failure}, unless it is settled already. */
  void fail(RuntimeException failure) {
    settle(failure);
  }

  /** Marks the request as never written, unless it is settled already. */
  void notSent() {
    settle(NOT_SENT);
  }

  private void settle(Object result) {
    if (outcome.compareAndSet(null, result)) {
      LockSupport.unpark(caller);
    }
  }

  /** The reply at {@code index} once answered: a {@code Reply} or a {@code RedisServerException}. */
  Object reply(int index) {
    return replies[index];
  }

  /**
   * Waits until the request is settled and returns its outcome: {@link #ANSWERED}, {@link #NOT_SENT} or
   * the failure. Times out when no reply arrived on the lane for {@code timeoutNanos} since this request was
   * submitted (0: never), which closes the lane ({@link Lane#timedOut}). A caller that holds the lane's
   * read role reads instead of waiting; its timeout is the connection's, per reply, as on a pooled one.
   *
   * @throws dev.respite.RedisTimeoutException when it timed out
   * @throws RedisException when the thread was interrupted; the reply will then be dropped
   */
  Object await(Lane lane, long timeoutNanos) {
    if (readsOwnReply) {
      lane.readOwnReply(this);
      return Objects.requireNonNull(outcome.get(), "settled by the read");
    }
    boolean interrupted = false;
    try {
      Object result;
      while ((result = outcome.get()) == null) {
        if (timeoutNanos <= 0) {
          LockSupport.park(this);
        } else {
          long since = Math.max(submittedAtNanos, lane.lastReplyNanos());
          long remaining = since + timeoutNanos - System.nanoTime();
          if (remaining <= 0) {
            if (outcome.compareAndSet(null, GAVE_UP)) {
              throw lane.timedOut(this, timeoutNanos);
            }
            continue;
          }
          LockSupport.parkNanos(this, remaining);
        }
        if (Thread.interrupted()) {
          interrupted = true;
          if (outcome.compareAndSet(null, GAVE_UP)) {
            throw new RedisException("Interrupted while waiting for the reply to " + name()
                + "; the reply will be dropped when it arrives");
          }
        }
      }
      return result;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
