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
public class RoutedSession implements RedisSession, OperationsMixin<String, String> {
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
  public String ping() {
    return OperationsMixin.super.ping();
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
