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
import dev.respite.impl.pool.PoolEntry;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RedisSession} API on a {@link CommandExecutor}: the typed methods come from the command
 * families ({@link OperationsMixin}) and every one of them, {@code execute(...)} included, is a frame the
 * executor runs. The session extends the executor rather than holding one, so that a borrow allocates one
 * object.
 */
public final class RealRedisSession extends CommandExecutor implements TypedSession {
  private @Nullable RedisOperations<byte[], byte[]> binaryView;

  private RealRedisSession(ConnectionPool pool, PoolEntry entry) {
    super(pool, entry);
  }

  private RealRedisSession(ConnectionPool pool, Lanes lanes) {
    super(pool, lanes);
  }

  /** Borrows a connection and switches it to {@code database} unless it is there already. */
  public static RealRedisSession open(ConnectionPool pool, int database) {
    return inDatabase(new RealRedisSession(pool, pool.borrow()), database);
  }

  /**
   * An unpinned session whose commands go to {@code lanes} until one needs a connection of its own; a
   * database other than the lanes' pins it at once.
   */
  public static RealRedisSession open(ConnectionPool pool, Lanes lanes, int database) {
    return inDatabase(new RealRedisSession(pool, lanes), database);
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

  @Override
  public Reply execute(String command, Object... args) {
    return run(Command.raw(command, args));
  }

  @Override
  public CommandRunner runner() {
    return this;
  }

  @Override
  public TypedCodec<String, String> codec() {
    return TypedCodec.UTF8;
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
}
