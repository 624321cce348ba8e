package dev.respite.impl.session;

import dev.respite.RedisSession;
import dev.respite.impl.command.OperationsMixin;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RedisSession} whose typed methods are the command families' ({@link OperationsMixin}): the few
 * that {@code RedisSession} declares again, for its own Javadoc, are answered here once for every kind of
 * session (one server, or routed over several).
 */
interface TypedSession extends RedisSession, OperationsMixin<String, String> {

  @Override
  default String ping() {
    return OperationsMixin.super.ping();
  }

  @Override
  default @Nullable String get(String key) {
    return OperationsMixin.super.get(key);
  }

  @Override
  default void set(String key, String value) {
    OperationsMixin.super.set(key, value);
  }

  @Override
  default byte @Nullable [] get(byte[] key) {
    return binary().get(key);
  }

  @Override
  default void set(byte[] key, byte[] value) {
    binary().set(key, value);
  }

  @Override
  default long incr(String key) {
    return OperationsMixin.super.incr(key);
  }

  @Override
  default long del(String... keys) {
    return OperationsMixin.super.del(keys);
  }

  @Override
  default boolean exists(String key) {
    return OperationsMixin.super.exists(key);
  }
}
