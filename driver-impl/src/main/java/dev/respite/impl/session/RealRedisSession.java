package dev.respite.impl.session;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.command.RedisOperations;
import dev.respite.impl.command.CodecView;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandRunner;
import dev.respite.impl.command.OperationsMixin;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.command.TypedCodec;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.connection.FailureClassifier;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A borrowed connection behind the {@link RedisSession} API. The typed methods come from the command
 * families ({@link OperationsMixin}) and all reach {@link #run}: the one place that writes a command, reads
 * its reply, extends the read timeout for a blocking command, tracks state, reports to the listeners and
 * classifies failures. Pipelines and transactions go through {@link QueuedExchange}.
 */
public final class RealRedisSession implements RedisSession, OperationsMixin<String, String>, CommandRunner {
  private static final System.Logger LOG = System.getLogger(RealRedisSession.class.getName());
  private static final ProtocolKeyword SELECT = ProtocolKeyword.of("SELECT");
  private static final String QUEUED = "QUEUED";

  private final ConnectionPool pool;
  private final Listeners listeners;
  private @Nullable RedisConnection connection;
  /** Whether the connection was checked since it was lent; see {@link #checkBeforeFirstCommand}. */
  private boolean checked;
  private @Nullable RuntimeException failure;
  private int database;
  private @Nullable RedisOperations<byte[], byte[]> binaryView;

  private RealRedisSession(ConnectionPool pool, RedisConnection connection) {
    this.pool = pool;
    this.listeners = pool.listeners();
    this.connection = connection;
    this.database = connection.state().database();
  }

  /** Borrows a connection and switches it to {@code database} unless it is there already. */
  public static RealRedisSession open(ConnectionPool pool, int database) {
    RealRedisSession session = new RealRedisSession(pool, pool.borrow());
    if (session.database != database) {
      try {
        session.select(database);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    }
    return session;
  }

  @Override
  public String ping() {
    return OperationsMixin.super.ping();
  }

  @Override
  public void select(int database) {
    checkDatabase(database);
    selectOn(connection(), database);
  }

  private void selectOn(RedisConnection c, int database) {
    long start = listeners.startTime();
    try {
      RespWriter writer = c.writer();
      writer.writeArrayHeader(2);
      writer.writeKeyword(SELECT);
      writer.writeBulk(database);
      c.send(1);
      selected(c.state(), database, c.reader().readStatus());
      listeners.commandFinished(SELECT.name(), this.database, start, null);
    } catch (IOException | RuntimeException e) {
      throw failed(c, SELECT.name(), start, e);
    }
  }

  @Override
  public int database() {
    return database;
  }

  @Override
  public @Nullable String get(String key) {
    return OperationsMixin.super.get(key);
  }

  @Override
  public void set(String key, String value) {
    OperationsMixin.super.set(key, value);
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return binary().get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    binary().set(key, value);
  }

  @Override
  public long incr(String key) {
    return OperationsMixin.super.incr(key);
  }

  @Override
  public long del(String... keys) {
    return OperationsMixin.super.del(keys);
  }

  @Override
  public boolean exists(String key) {
    return OperationsMixin.super.exists(key);
  }

  @Override
  public RedisOperations<byte[], byte[]> binary() {
    RedisOperations<byte[], byte[]> view = binaryView;
    if (view == null) {
      view = new CodecView<>(this, TypedCodec.BYTES);
      binaryView = view;
    }
    return view;
  }

  @Override
  public TypedCodec<String, String> codec() {
    return TypedCodec.UTF8;
  }

  @Override
  public CommandRunner runner() {
    return this;
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    RedisConnection c = connection();
    if (command.effect() == Command.Effect.CLOSES_CONNECTION) {
      c.state().mustClose(); // before sending: whatever happens next, the connection is never lent again
    }
    long start = listeners.startTime();
    boolean extended = false;
    try {
      command.write(c.writer());
      extended = BlockingTimeout.extend(c, command.blockMillis());
      c.send(1);
      T value = command.decoder().read(c.reader());
      BlockingTimeout.restore(c, extended);
      track(c.state(), command.effect());
      listeners.commandFinished(command.name(), database, start, null);
      return value;
    } catch (IOException | RuntimeException e) {
      BlockingTimeout.restore(c, extended);
      throw failed(c, command.name(), start, e);
    }
  }

  @Override
  public void runPipeline(List<QueuedResponse<?>> queued) {
    new QueuedExchange(this, connectionFor(queued), queued).pipeline();
  }

  @Override
  public boolean runTransaction(List<QueuedResponse<?>> queued) {
    return new QueuedExchange(this, connectionFor(queued), queued).transaction();
  }

  /** The connection, or else the reason there is none, given to every queued response too. */
  private RedisConnection connectionFor(List<QueuedResponse<?>> queued) {
    try {
      return connection();
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e));
      throw e;
    }
  }

  @Override
  public void releaseWatches() {
    RedisConnection c = connection();
    if (c.state().watching()) {
      unwatch();
    }
  }

  /** Reports a finished command to the listeners, with this session's database. */
  void reportFinished(String command, long start, @Nullable Throwable failure) {
    listeners.commandFinished(command, database, start, failure);
  }

  long startTime() {
    return listeners.startTime();
  }

  private static void track(ConnectionState state, Command.Effect effect) {
    if (effect == Command.Effect.WATCH) {
      state.watched();
    } else if (effect == Command.Effect.UNWATCH) {
      state.unwatched();
    }
  }

  @Override
  public Reply execute(String command, Object... args) {
    RawCommand raw = RawCommand.of(command, args);
    RedisConnection c = connection();
    CommandEffect effect = raw.effect();
    if (effect == CommandEffect.SUBSCRIBE || effect == CommandEffect.CLOSES_CONNECTION) {
      // Marked before sending: whatever happens next, this connection is never lent again.
      c.state().mustClose();
    }
    long start = listeners.startTime();
    try {
      raw.write(c.writer());
      c.send(1);
      Reply reply;
      try {
        reply = effect == CommandEffect.SUBSCRIBE ? c.reader().readReplyOrPush() : c.reader().readReply();
      } catch (RedisServerException e) {
        track(c.state(), raw, null);
        throw e;
      }
      track(c.state(), raw, reply);
      listeners.commandFinished(raw.name(), database, start, null);
      return reply;
    } catch (IOException | RuntimeException e) {
      throw failed(c, raw.name(), start, e);
    }
  }

  /** Keeps the tracked state in step with a raw command's outcome; {@code reply} is null for an error. */
  private void track(ConnectionState state, RawCommand raw, @Nullable Reply reply) {
    switch (raw.effect()) {
      case SELECT:
        int index = raw.selectedDatabase();
        if (reply != null && index >= 0) {
          selected(state, index, reply.asString());
        }
        break;
      case MULTI:
        if (reply != null) {
          state.multiStarted();
        }
        break;
      case EXEC:
        int queued = state.transactionEnded(reply != null && !reply.isNull());
        if (queued >= 0) {
          database = queued;
        }
        break;
      case DISCARD:
        state.transactionEnded(false);
        break;
      case WATCH:
        if (reply != null) {
          state.watched();
        }
        break;
      case UNWATCH:
        state.unwatched();
        break;
      default:
        break;
    }
  }

  private void selected(ConnectionState state, int index, @Nullable String status) {
    boolean queued = QUEUED.equals(status);
    state.selected(index, queued);
    if (!queued) {
      database = index;
    }
  }

  @Override
  public boolean isClosed() {
    return connection == null && failure == null;
  }

  @Override
  public void close() {
    RedisConnection c = connection;
    if (c == null) {
      failure = null;
      return;
    }
    connection = null;
    failure = null;
    try {
      pool.release(c);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "Could not return " + c + " to pool " + pool.name(), e);
    }
  }

  private RedisConnection connection() {
    RedisConnection c = connection;
    if (c == null) {
      RuntimeException cause = failure;
      throw cause == null ? new RedisException("RedisSession is closed")
          : new RedisConnectionException("This session's connection was closed after an earlier failure: "
              + cause.getMessage(), cause);
    }
    if (pool.isClosed()) {
      throw pool.closedException();
    }
    return checked ? c : checkBeforeFirstCommand(c);
  }

  /**
   * Checks the lent connection before the session's first command rather than at borrow, so that a session
   * that sends nothing costs no system call and the check is as close to the command as it can be. One the
   * server closed, or sent bytes nobody asked for, is replaced, and the replacement joins this session's
   * database.
   */
  private RedisConnection checkBeforeFirstCommand(RedisConnection c) {
    RedisConnection usable;
    try {
      usable = pool.checked(c);
    } catch (RuntimeException e) {
      connection = null; // the pool destroyed it and holds nothing for this session any more
      failure = e;
      throw e;
    }
    checked = true;
    if (usable != c) {
      connection = usable;
      if (usable.state().database() != database) {
        selectOn(usable, database);
      }
    }
    return usable;
  }

  /** Reports the failure, and destroys the connection at once when it left the state unknown. */
  RuntimeException failed(RedisConnection c, String command, long start, Throwable e) {
    RuntimeException failure = FailureClassifier.classify(c, command, e);
    listeners.commandFinished(command, database, start, failure);
    if (c.isBroken()) {
      connection = null;
      this.failure = failure;
      pool.release(c);
    }
    return failure;
  }

  private static void checkDatabase(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
  }

  @Override
  public String toString() {
    RedisConnection c = connection;
    return "RedisSession[pool=" + pool.name() + ", db=" + database + (c == null ? ", closed" : "") + "]";
  }
}
