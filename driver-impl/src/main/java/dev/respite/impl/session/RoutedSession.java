package dev.respite.impl.session;

import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.command.RedisOperations;
import dev.respite.impl.command.CodecView;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.CommandRunner;
import dev.respite.impl.command.OperationsMixin;
import dev.respite.impl.command.TypedCodec;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RedisSession} API over a {@link SessionRoute}: the same typed methods as a single-server
 * session ({@link OperationsMixin}), each a frame the route sends where it belongs. Not final, so that a
 * topology can answer what spans servers (a cluster's {@code SCAN}) in its own way.
 */
public class RoutedSession implements TypedSession {
  private final SessionRoute route;
  private @Nullable RedisOperations<byte[], byte[]> binaryView;

  /** A session whose commands go through {@code route}. */
  public RoutedSession(SessionRoute route) {
    this.route = route;
  }

  /** The route, for subclasses. */
  protected final SessionRoute route() {
    return route;
  }

  @Override
  public final CommandRunner runner() {
    return route;
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    return route.run(command);
  }

  @Override
  public final TypedCodec<String, String> codec() {
    return TypedCodec.UTF8;
  }

  @Override
  public Reply execute(String command, Object... args) {
    return route.run(Command.raw(command, args));
  }

  @Override
  public void select(int database) {
    route.select(database);
  }

  @Override
  public int database() {
    return route.database();
  }

  @Override
  public RedisOperations<byte[], byte[]> binary() {
    RedisOperations<byte[], byte[]> view = binaryView;
    if (view == null) {
      view = new CodecView<>(route, TypedCodec.BYTES);
      binaryView = view;
    }
    return view;
  }

  @Override
  public boolean isClosed() {
    return route.isClosed();
  }

  @Override
  public void close() {
    route.close();
  }

  @Override
  public String toString() {
    return "RedisSession[" + route + "]";
  }
}
