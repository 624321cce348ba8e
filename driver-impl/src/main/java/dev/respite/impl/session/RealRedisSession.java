package dev.respite.impl.session;

import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.command.RedisOperations;
import dev.respite.impl.command.CodecView;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandRunner;
import dev.respite.impl.command.OperationsMixin;
import dev.respite.impl.command.TypedCodec;
import dev.respite.impl.lane.Lanes;
import dev.respite.impl.pool.ConnectionPool;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RedisSession} API over a {@link CommandExecutor}: the typed methods come from the command
 * families ({@link OperationsMixin}) and every one of them, {@code execute(...)} included, is a frame the
 * executor runs.
 */
public final class RealRedisSession implements RedisSession, OperationsMixin<String, String> {
  private final CommandExecutor executor;
  private @Nullable RedisOperations<byte[], byte[]> binaryView;

  private RealRedisSession(CommandExecutor executor) {
    this.executor = executor;
  }

  /** Borrows a connection and switches it to {@code database} unless it is there already. */
  public static RealRedisSession open(ConnectionPool pool, int database) {
    return inDatabase(new RealRedisSession(new CommandExecutor(pool, pool.borrow())), database);
  }

  /**
   * An unpinned session whose commands go to {@code lanes} until one needs a connection of its own; a
   * database other than the lanes' pins it at once.
   */
  public static RealRedisSession open(ConnectionPool pool, Lanes lanes, int database) {
    return inDatabase(new RealRedisSession(new CommandExecutor(pool, lanes)), database);
  }

  /** Switches a new session to {@code database} unless it is there already; closes it if that fails. */
  private static RealRedisSession inDatabase(RealRedisSession session, int database) {
    if (session.database() != database) {
      try {
        session.select(database);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    }
    return session;
  }

  /** Whether the session holds a pooled connection of its own; with {@code multiplex} off, always. */
  public boolean isPinned() {
    return executor.isPinned();
  }

  @Override
  public void select(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    executor.select(database);
  }

  @Override
  public int database() {
    return executor.database();
  }

  @Override
  public Reply execute(String command, Object... args) {
    return executor.run(Command.raw(command, args));
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    return executor.run(command);
  }

  @Override
  public CommandRunner runner() {
    return executor;
  }

  @Override
  public TypedCodec<String, String> codec() {
    return TypedCodec.UTF8;
  }

  @Override
  public String ping() {
    return OperationsMixin.super.ping();
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
      view = new CodecView<>(executor, TypedCodec.BYTES);
      binaryView = view;
    }
    return view;
  }

  @Override
  public boolean isClosed() {
    return executor.isClosed();
  }

  @Override
  public void close() {
    executor.close();
  }

  @Override
  public String toString() {
    return executor.toString();
  }
}
