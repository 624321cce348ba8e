package dev.respite.impl.command;

import org.jspecify.annotations.Nullable;

/**
 * A session seen through another codec: the same connection and state, other key and value types.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CodecView<K, V> implements OperationsMixin<K, V> {
  private final CommandRunner runner;
  private final TypedCodec<K, V> codec;

  /** A view of {@code runner}'s connection with {@code codec}. */
  public CodecView(CommandRunner runner, TypedCodec<K, V> codec) {
    this.runner = runner;
    this.codec = codec;
  }

  @Override
  public <T extends @Nullable Object> T run(Command<T> command) {
    return runner.run(command);
  }

  @Override
  public TypedCodec<K, V> codec() {
    return codec;
  }

  @Override
  public CommandRunner runner() {
    return runner;
  }

  @Override
  public String toString() {
    return "RedisOperations[" + runner + "]";
  }
}
