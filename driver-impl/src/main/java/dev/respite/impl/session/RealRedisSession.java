package dev.respite.impl.session;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.impl.connection.FailureClassifier;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A borrowed connection behind the {@link RedisSession} API. Each typed method writes its command straight
 * into the connection's buffer and decodes its reply straight from the read buffer: no command object, no
 * reply tree.
 */
public final class RealRedisSession implements RedisSession {
  private static final System.Logger LOG = System.getLogger(RealRedisSession.class.getName());
  private static final ProtocolKeyword PING = ProtocolKeyword.of("PING");
  private static final ProtocolKeyword SELECT = ProtocolKeyword.of("SELECT");
  private static final ProtocolKeyword GET = ProtocolKeyword.of("GET");
  private static final ProtocolKeyword SET = ProtocolKeyword.of("SET");
  private static final ProtocolKeyword INCR = ProtocolKeyword.of("INCR");
  private static final ProtocolKeyword DEL = ProtocolKeyword.of("DEL");
  private static final ProtocolKeyword EXISTS = ProtocolKeyword.of("EXISTS");
  private static final String QUEUED = "QUEUED";

  private final ConnectionPool pool;
  private final Listeners listeners;
  private @Nullable RedisConnection connection;
  private @Nullable RuntimeException failure;
  private int database;

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
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      command(c, PING, 0);
      c.send(1);
      String pong = c.reader().readStatus();
      succeeded(PING, start);
      return pong;
    } catch (IOException | RuntimeException e) {
      throw failed(c, PING, start, e);
    }
  }

  @Override
  public void select(int database) {
    checkDatabase(database);
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      command(c, SELECT, 1).writeBulk(database);
      c.send(1);
      selected(c.state(), database, c.reader().readStatus());
      succeeded(SELECT, start);
    } catch (IOException | RuntimeException e) {
      throw failed(c, SELECT, start, e);
    }
  }

  @Override
  public int database() {
    return database;
  }

  @Override
  public @Nullable String get(String key) {
    Objects.requireNonNull(key, "key");
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      command(c, GET, 1).writeBulk(key);
      c.send(1);
      String value = c.reader().readBulkString();
      succeeded(GET, start);
      return value;
    } catch (IOException | RuntimeException e) {
      throw failed(c, GET, start, e);
    }
  }

  @Override
  public void set(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      RespWriter writer = command(c, SET, 2);
      writer.writeBulk(key);
      writer.writeBulk(value);
      c.send(1);
      c.reader().readStatus();
      succeeded(SET, start);
    } catch (IOException | RuntimeException e) {
      throw failed(c, SET, start, e);
    }
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    Objects.requireNonNull(key, "key");
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      command(c, GET, 1).writeBulk(key);
      c.send(1);
      byte[] value = c.reader().readBulkBytes();
      succeeded(GET, start);
      return value;
    } catch (IOException | RuntimeException e) {
      throw failed(c, GET, start, e);
    }
  }

  @Override
  public void set(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      RespWriter writer = command(c, SET, 2);
      writer.writeBulk(key);
      writer.writeBulk(value);
      c.send(1);
      c.reader().readStatus();
      succeeded(SET, start);
    } catch (IOException | RuntimeException e) {
      throw failed(c, SET, start, e);
    }
  }

  @Override
  public long incr(String key) {
    Objects.requireNonNull(key, "key");
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      command(c, INCR, 1).writeBulk(key);
      c.send(1);
      long value = c.reader().readInteger();
      succeeded(INCR, start);
      return value;
    } catch (IOException | RuntimeException e) {
      throw failed(c, INCR, start, e);
    }
  }

  @Override
  public long del(String... keys) {
    if (keys.length == 0) {
      throw new IllegalArgumentException("DEL needs at least one key");
    }
    for (String key : keys) {
      Objects.requireNonNull(key, "key");
    }
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      RespWriter writer = command(c, DEL, keys.length);
      for (String key : keys) {
        writer.writeBulk(key);
      }
      c.send(1);
      long deleted = c.reader().readInteger();
      succeeded(DEL, start);
      return deleted;
    } catch (IOException | RuntimeException e) {
      throw failed(c, DEL, start, e);
    }
  }

  @Override
  public boolean exists(String key) {
    Objects.requireNonNull(key, "key");
    RedisConnection c = connection();
    long start = listeners.startTime();
    try {
      command(c, EXISTS, 1).writeBulk(key);
      c.send(1);
      boolean exists = c.reader().readInteger() > 0;
      succeeded(EXISTS, start);
      return exists;
    } catch (IOException | RuntimeException e) {
      throw failed(c, EXISTS, start, e);
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
    return c;
  }

  private static RespWriter command(RedisConnection c, ProtocolKeyword keyword, int args) throws IOException {
    RespWriter writer = c.writer();
    writer.writeArrayHeader(1 + args);
    writer.writeKeyword(keyword);
    return writer;
  }

  private void succeeded(ProtocolKeyword command, long start) {
    listeners.commandFinished(command.name(), database, start, null);
  }

  private RuntimeException failed(RedisConnection c, ProtocolKeyword command, long start, Throwable e) {
    return failed(c, command.name(), start, e);
  }

  /** Reports the failure, and destroys the connection at once when it left the state unknown. */
  private RuntimeException failed(RedisConnection c, String command, long start, Throwable e) {
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
