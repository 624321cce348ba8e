package dev.respite.impl.session;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespReader;
import dev.respite.impl.protocol.RespWriter;
import dev.respite.spi.RedisListener.BatchKind;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One write of queued commands and the reading of all their replies: a pipeline, or a transaction wrapped
 * in {@code MULTI}/{@code EXEC}. An error reply fails only its own response; a failure of the connection
 * fails every response not read yet and destroys the connection, so no reply is ever left for the next
 * borrower.
 */
final class QueuedExchange {
  private static final ProtocolKeyword MULTI = ProtocolKeyword.of("MULTI");
  private static final ProtocolKeyword EXEC = ProtocolKeyword.of("EXEC");

  private final RealRedisSession session;
  private final RedisConnection connection;
  private final List<QueuedResponse<?>> queued;

  QueuedExchange(RealRedisSession session, RedisConnection connection, List<QueuedResponse<?>> queued) {
    this.session = session;
    this.connection = connection;
    this.queued = queued;
  }

  /** Sends every command with one flush, then reads every reply in order. */
  void pipeline() {
    RedisConnection c = connection;
    long start = session.batchStarted(c, BatchKind.PIPELINE, queued.size());
    int next = 0;
    boolean extended = false;
    try {
      for (QueuedResponse<?> response : queued) {
        write(c, response.command());
      }
      extended = BlockingTimeout.extend(c, blockBudget());
      c.send(queued.size());
      RespReader reader = c.reader();
      for (; next < queued.size(); next++) {
        QueuedResponse<?> response = queued.get(next);
        long before = reader.completedReplies();
        try {
          response.read(reader);
          session.reportFinished(response.command().name(), start, null);
        } catch (RuntimeException e) {
          if (reader.completedReplies() != before + 1 || fatal(e)) {
            throw e;
          }
          RuntimeException failure = e instanceof RedisException ? e
              : new RedisException("Could not decode the reply to " + response.command().name() + ": " + e, e);
          response.fail(failure); // the reply was read whole: only this response fails
          session.reportFinished(response.command().name(), start, failure);
        }
      }
      BlockingTimeout.restore(c, extended);
      session.batchFinished(BatchKind.PIPELINE, queued.size(), start, null);
    } catch (IOException | RuntimeException e) {
      BlockingTimeout.restore(c, extended);
      throw batchFailed(BatchKind.PIPELINE, start, failRest(next, start, e));
    }
  }

  /**
   * Sends {@code MULTI}, the commands and {@code EXEC} with one flush.
   *
   * @return false if the server aborted the transaction because a watched key changed
   */
  boolean transaction() {
    RedisConnection c = connection;
    ConnectionState state = c.state();
    if (state.inMulti()) {
      throw new IllegalStateException("A MULTI sent through execute() is still open; EXEC or DISCARD it first");
    }
    long start = session.batchStarted(c, BatchKind.TRANSACTION, queued.size());
    int next = 0;
    try {
      RespWriter writer = c.writer();
      writer.writeArrayHeader(1);
      writer.writeKeyword(MULTI);
      for (QueuedResponse<?> response : queued) {
        write(c, response.command());
      }
      writer.writeArrayHeader(1);
      writer.writeKeyword(EXEC);
      c.send(queued.size() + 2);
      RespReader reader = c.reader();
      reader.readStatus();
      state.multiStarted();
      for (QueuedResponse<?> response : queued) {
        try {
          reader.readStatus(); // QUEUED
        } catch (RedisServerException e) {
          response.fail(e); // refused at queue time: EXEC will answer EXECABORT
        }
      }
      next = queued.size();
      Reply exec;
      try {
        exec = reader.readReply();
      } finally {
        state.transactionEnded(true);
      }
      if (exec.isNull()) {
        RedisException aborted = new RedisException(
            "The transaction was aborted: a key the session WATCHed changed before EXEC");
        queued.forEach(response -> response.fail(aborted));
        session.reportFinished("EXEC", start, null);
        session.batchFinished(BatchKind.TRANSACTION, queued.size(), start, null);
        return false;
      }
      List<Reply> results = exec.asList();
      for (int i = 0; i < queued.size(); i++) {
        Reply result = i < results.size() ? results.get(i) : null;
        if (result == null) {
          queued.get(i).fail(new RedisException("EXEC returned no result for this command"));
        } else if (result.type() == ReplyType.ERROR) {
          queued.get(i).fail(new RedisServerException(Objects.requireNonNull(result.asString())));
        } else {
          queued.get(i).decode(result);
        }
      }
      session.reportFinished("EXEC", start, null);
      session.batchFinished(BatchKind.TRANSACTION, queued.size(), start, null);
      return true;
    } catch (IOException | RuntimeException e) {
      throw batchFailed(BatchKind.TRANSACTION, start, failRest(next, start, e));
    }
  }

  private static void write(RedisConnection c, Command<?> command) throws IOException {
    if (command.effect() == Command.Effect.CLOSES_CONNECTION) {
      c.state().mustClose();
    }
    command.write(c.writer());
  }

  /** The longest the server may block on the queued commands together: -1 none, 0 forever. */
  private long blockBudget() {
    long total = -1;
    for (QueuedResponse<?> response : queued) {
      long block = response.command().blockMillis();
      if (block == 0) {
        return 0;
      }
      if (block > 0) {
        total = Math.max(total, 0) + block;
      }
    }
    return total;
  }

  private static boolean fatal(RuntimeException e) {
    return e instanceof RedisProtocolException || e instanceof RedisConnectionException
        || e instanceof RedisTimeoutException;
  }

  /** Reports the batch's failure to the listeners; returns {@code failure}. */
  private RuntimeException batchFailed(BatchKind kind, long start, RuntimeException failure) {
    session.batchFinished(kind, queued.size(), start, failure);
    return failure;
  }

  /** Classifies the failure (destroying the connection unless it is in step) and fails what is unread. */
  private RuntimeException failRest(int next, long start, Throwable e) {
    String name = queued.isEmpty() ? "EXEC" : queued.get(Math.min(next, queued.size() - 1)).command().name();
    RuntimeException failure = session.failed(connection, name, start, e);
    for (int i = next; i < queued.size(); i++) {
      queued.get(i).fail(failure);
    }
    if (next == queued.size()) {
      queued.forEach(response -> response.fail(failure));
    }
    return failure;
  }
}
