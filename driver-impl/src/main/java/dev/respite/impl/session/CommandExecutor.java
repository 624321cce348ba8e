package dev.respite.impl.session;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandRunner;
import dev.respite.impl.command.Commands;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.connection.FailureClassifier;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.lane.Lanes;
import dev.respite.impl.lane.PinRule;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.pool.PoolEntry;
import dev.respite.impl.protocol.RespReader;
import dev.respite.spi.RedisListener.BatchKind;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one place commands are executed, for a session, its pipelines and its transactions: it picks the
 * connection for the frames ({@link #connectionFor}, the seam where routing to a node will go), writes
 * them, extends the read timeout of blocking commands, sends, reads and decodes the replies, keeps the
 * connection's tracked state in step, reports to the listeners and classifies failures. A failure that
 * leaves the reply stream in doubt destroys the connection at once, so no late reply is read by anyone.
 * Used by one thread at a time, like its session.
 *
 * <p>With {@code multiplex} on, a session starts unpinned: its commands go to the data source's shared
 * connections ({@link Lanes}) until one needs a connection of its own ({@link PinRule}); then it borrows
 * one from the pool (pins) and keeps it until it closes. A session never has two commands in flight, so
 * pinning cannot reorder its commands. A lane's failure fails that command only: an unpinned session holds
 * no connection state, so its next command simply goes to another lane.
 */
abstract class CommandExecutor implements CommandRunner {
  private static final System.Logger LOG = System.getLogger(CommandExecutor.class.getName());

  private final ConnectionPool pool;
  private final Listeners listeners;
  private @Nullable PoolEntry entry;
  /** Whether the connection was checked since it was lent; see {@link #checkBeforeFirstCommand}. */
  private boolean checked;
  private @Nullable RuntimeException failure;
  private int database;
  private final @Nullable Lanes lanes;
  /** Whether the session is open and unpinned: its commands go to the lanes. */
  private boolean unpinned;

  CommandExecutor(ConnectionPool pool, PoolEntry entry) { // a subclass, so that a session is one object
    this.pool = pool;
    this.listeners = pool.listeners();
    this.entry = entry;
    this.database = entry.state().database();
    this.lanes = null;
  }

  /** An unpinned session over {@code lanes}: it borrows nothing until a command needs a connection. */
  CommandExecutor(ConnectionPool pool, Lanes lanes) {
    this.pool = pool;
    this.listeners = pool.listeners();
    this.lanes = lanes;
    this.unpinned = true;
    this.database = lanes.database();
  }

  /** The database the session is using, as far as the server confirmed. */
  public final int database() {
    return database;
  }

  /** Whether the session was closed. */
  public final boolean isClosed() {
    return !unpinned && entry == null && failure == null;
  }

  /** Whether the session holds a pooled connection of its own (always, with {@code multiplex} off). */
  public final boolean isPinned() {
    return entry != null;
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    Lanes shared = lanes;
    if (unpinned && shared != null) {
      if (!PinRule.needsOwnConnection(command)) {
        return shared.run(command);
      }
      pin(database);
    }
    return execute(connectionFor(command), command);
  }

  /**
   * Borrows a connection for this session from now until it closes and switches it to {@code target}
   * (the session's database, or the one {@link #select} asks for) unless it is there already. If the
   * borrow fails the session stays unpinned.
   */
  private void pin(int target) {
    if (pool.isClosed()) {
      throw pool.closedException();
    }
    PoolEntry borrowed = pool.borrow();
    unpinned = false;
    entry = borrowed;
    checked = false;
    PoolEntry e = connectionFor(Commands.PING);
    if (e.state().database() != target) {
      execute(e, Commands.select(target));
    }
    database = target; // the connection is there now: SELECT confirmed it, or it already was
  }

  private <T extends @Nullable Object> T execute(PoolEntry e, Command<T> command) {
    RedisConnection c = e.connection();
    long start = listeners.commandStarted(c, command.name(), database);
    boolean extended = false;
    try {
      write(e, command);
      extended = BlockingTimeout.extend(c, command.blockMillis());
      c.send(1);
      T value;
      try {
        value = command.decoder().read(c.reader());
      } catch (RedisServerException refused) {
        track(e.state(), command, null, false);
        throw refused;
      } catch (RuntimeException undecodable) {
        throw decodingFailure(c, command, undecodable);
      }
      BlockingTimeout.restore(c, extended);
      track(e.state(), command, value, true);
      listeners.commandFinished(command.name(), database, start, null);
      return value;
    } catch (IOException | RuntimeException failed) {
      BlockingTimeout.restore(c, extended);
      throw failed(e, command.name(), start, failed);
    }
  }

  /** Sends every queued command with one flush, then reads every reply in order. */
  @Override
  public void runPipeline(List<QueuedResponse<?>> queued) {
    Lanes shared = lanes;
    if (unpinned && shared != null) {
      if (shared.takes(queued.size()) && !PinRule.pipelineNeedsOwnConnection(queued)) {
        shared.runPipeline(queued);
        return;
      }
      pinFor(queued);
    }
    PoolEntry e = connectionFor(queued);
    RedisConnection c = e.connection();
    long start = listeners.batchStarted(c, BatchKind.PIPELINE, queued.size(), database);
    int next = 0;
    boolean extended = false;
    try {
      for (QueuedResponse<?> response : queued) {
        write(e, response.command());
      }
      extended = BlockingTimeout.extend(c, blockBudget(queued));
      c.send(queued.size());
      RespReader reader = c.reader();
      for (; next < queued.size(); next++) {
        QueuedResponse<?> response = queued.get(next);
        long before = reader.completedReplies();
        try {
          response.read(reader);
          listeners.commandFinished(response.command().name(), database, start, null);
        } catch (RuntimeException refused) {
          if (reader.completedReplies() != before + 1 || FailureClassifier.leavesStreamInDoubt(refused)) {
            throw refused;
          }
          RuntimeException cause = refused instanceof RedisException ? refused
              : new RedisException("Could not decode the reply to " + response.command().name() + ": " + refused, refused);
          response.fail(cause); // the reply was read whole: only this response fails
          listeners.commandFinished(response.command().name(), database, start, cause);
        }
      }
      BlockingTimeout.restore(c, extended);
      listeners.batchFinished(BatchKind.PIPELINE, queued.size(), database, start, null);
    } catch (IOException | RuntimeException failed) {
      BlockingTimeout.restore(c, extended);
      throw failRest(e, BatchKind.PIPELINE, queued, next, start, failed);
    }
  }

  /**
   * Sends {@code MULTI}, the queued commands and {@code EXEC} with one flush.
   *
   * @return false if the server aborted the transaction because a watched key changed
   */
  @Override
  public boolean runTransaction(List<QueuedResponse<?>> queued) {
    if (unpinned) {
      pinFor(queued);
    }
    PoolEntry e = connectionFor(queued);
    ConnectionState state = e.state();
    if (state.inMulti()) {
      throw new IllegalStateException("A MULTI sent through execute() is still open; EXEC or DISCARD it first");
    }
    RedisConnection c = e.connection();
    long start = listeners.batchStarted(c, BatchKind.TRANSACTION, queued.size(), database);
    int next = 0;
    try {
      write(e, Commands.MULTI);
      for (QueuedResponse<?> response : queued) {
        write(e, response.command());
      }
      write(e, Commands.EXEC);
      c.send(queued.size() + 2);
      RespReader reader = c.reader();
      track(state, Commands.MULTI, Commands.MULTI.decoder().read(reader), true);
      for (QueuedResponse<?> response : queued) {
        try {
          reader.readStatus(); // QUEUED
        } catch (RedisServerException refused) {
          response.fail(refused); // refused at queue time: EXEC will answer EXECABORT
        }
      }
      next = queued.size();
      Reply exec = null;
      try {
        exec = Commands.EXEC.decoder().read(reader);
      } finally {
        track(state, Commands.EXEC, exec, exec != null);
      }
      listeners.commandFinished(Commands.EXEC.name(), database, start, null);
      listeners.batchFinished(BatchKind.TRANSACTION, queued.size(), database, start, null);
      return complete(queued, exec);
    } catch (IOException | RuntimeException failed) {
      throw failRest(e, BatchKind.TRANSACTION, queued, next, start, failed);
    }
  }

  /** Gives each queued response its element of {@code EXEC}'s reply; false if EXEC answered null. */
  private static boolean complete(List<QueuedResponse<?>> queued, Reply exec) {
    if (exec.isNull()) {
      RedisException aborted = new RedisException(
          "The transaction was aborted: a key the session WATCHed changed before EXEC");
      queued.forEach(response -> response.fail(aborted));
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
    return true;
  }

  @Override
  public void releaseWatches() {
    if (unpinned) {
      return; // nothing was watched: WATCH pins
    }
    PoolEntry e = connectionFor(Commands.UNWATCH);
    if (e.state().watching()) {
      execute(e, Commands.UNWATCH);
    }
  }

  /** Switches to {@code database}, unless the connection is there already. */
  public final void select(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    if (unpinned) {
      if (database != this.database) {
        pin(database);
      }
      return;
    }
    PoolEntry e = connectionFor(Commands.PING);
    if (e.state().database() != database || this.database != database) {
      execute(e, Commands.select(database));
    }
  }

  /** Marks the connection never to be lent again before a command whose state the pool cannot undo. */
  private static void write(PoolEntry e, Command<?> command) throws IOException {
    switch (command.effect()) {
      case SUBSCRIBE:
      case CLOSES_CONNECTION:
        e.state().mustClose(); // before sending: whatever happens next, the connection is never lent again
        break;
      default:
        break;
    }
    command.write(e.connection().writer());
  }

  /** Keeps the tracked state in step with a command's outcome, and the session's database with it. */
  private void track(ConnectionState state, Command<?> command, @Nullable Object value, boolean ok) {
    int selected = state.track(command, value, ok);
    if (selected != ConnectionState.UNKNOWN_DATABASE) {
      database = selected;
    }
  }

  /** The longest the server may block on the queued commands together: -1 none, 0 forever. */
  private static long blockBudget(List<QueuedResponse<?>> queued) {
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

  /**
   * A reply read whole that its decoder (a custom codec, say) could not turn into a value fails its command
   * alone: the connection is in step and stays. Anything else is left for the classifier.
   */
  private static RuntimeException decodingFailure(RedisConnection c, Command<?> command, RuntimeException e) {
    if (e instanceof RedisException || c.unreadReplies() != 0 || FailureClassifier.leavesStreamInDoubt(e)) {
      return e;
    }
    return new RedisException("Could not decode the reply to " + command.name() + ": " + e, e);
  }

  /** Classifies a batch's failure (destroying the connection unless it is in step) and fails what is unread. */
  private RuntimeException failRest(PoolEntry e, BatchKind kind, List<QueuedResponse<?>> queued, int next,
      long start, Throwable cause) {
    String name = queued.isEmpty() ? Commands.EXEC.name()
        : queued.get(Math.min(next, queued.size() - 1)).command().name();
    RuntimeException failure = failed(e, name, start, cause);
    int from = next == queued.size() ? 0 : next;
    for (int i = from; i < queued.size(); i++) {
      queued.get(i).fail(failure);
    }
    listeners.batchFinished(kind, queued.size(), database, start, failure);
    return failure;
  }

  /** Reports the failure, and destroys the connection at once when it left the state unknown. */
  private RuntimeException failed(PoolEntry e, String command, long start, Throwable cause) {
    RuntimeException classified = FailureClassifier.classify(e.connection(), command, cause);
    listeners.commandFinished(command, database, start, classified);
    if (e.connection().isBroken()) {
      entry = null;
      failure = classified;
      pool.release(e);
    }
    return classified;
  }

  /** Pins for a batch, or else gives the reason it could not to every queued response too. */
  private void pinFor(List<QueuedResponse<?>> queued) {
    try {
      pin(database);
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e));
      throw e;
    }
  }

  /** The connection a batch runs on, or else the reason there is none, given to every queued response too. */
  private PoolEntry connectionFor(List<QueuedResponse<?>> queued) {
    try {
      return connectionFor(queued.isEmpty() ? Commands.EXEC : queued.get(0).command());
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e));
      throw e;
    }
  }

  /**
   * The connection {@code command} goes to. One today: the session's. This is where a router will pick a
   * node and a connection from the command's keys ({@link Command#keyPositions()}).
   */
  private PoolEntry connectionFor(Command<?> command) {
    PoolEntry e = entry;
    if (e == null) {
      RuntimeException cause = failure;
      throw cause == null ? new RedisException("RedisSession is closed")
          : new RedisConnectionException("This session's connection was closed after an earlier failure: "
              + cause.getMessage(), cause);
    }
    if (pool.isClosed()) {
      throw pool.closedException();
    }
    return checked ? e : checkBeforeFirstCommand(e);
  }

  /**
   * Checks the lent connection before the session's first command rather than at borrow, so that a session
   * that sends nothing costs no system call and the check is as close to the command as it can be. One the
   * server closed, or sent bytes nobody asked for, is replaced, and the replacement joins this session's
   * database.
   */
  private PoolEntry checkBeforeFirstCommand(PoolEntry lent) {
    PoolEntry usable;
    try {
      usable = pool.checked(lent);
    } catch (RuntimeException e) {
      entry = null; // the pool destroyed it and holds nothing for this session any more
      failure = e;
      throw e;
    }
    checked = true;
    if (usable != lent) {
      entry = usable;
      if (usable.state().database() != database) {
        execute(usable, Commands.select(database));
      }
    }
    return usable;
  }

  /** Returns the connection to the pool; never throws, and a second call does nothing. */
  public final void close() {
    unpinned = false;
    PoolEntry e = entry;
    entry = null;
    failure = null;
    if (e != null) {
      try {
        pool.release(e);
      } catch (RuntimeException ex) {
        LOG.log(Level.DEBUG, "Could not return " + e + " to pool " + pool.name(), ex);
      }
    }
  }

  @Override
  public final String toString() {
    return "RedisSession[pool=" + pool.name() + ", db=" + database + (unpinned ? ", unpinned" : entry == null ? ", closed" : "") + "]";
  }
}
