package dev.respite.impl.command;

import dev.respite.command.CommandQueue;
import dev.respite.command.RedisCommands;
import dev.respite.command.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The commands queued in a pipeline or a transaction. The lambda given to {@link #queue} calls a typed method
 * on a recording view, whose {@code run} captures the one command instead of sending it: so every family
 * serves queues with no code of its own.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class CommandList<K, V> implements CommandQueue<K, V> {
  private final Recorder<K, V> recorder;
  private List<QueuedResponse<?>> queued = new ArrayList<>();

  CommandList(TypedCodec<K, V> codec) {
    this.recorder = new Recorder<>(codec);
  }

  @Override
  public <T extends @Nullable Object> Response<T> queue(Function<? super RedisCommands<K, V>, ? extends T> command) {
    Objects.requireNonNull(command, "command");
    return record(() -> command.apply(recorder), false);
  }

  @Override
  public Response<@Nullable Void> queueVoid(Consumer<? super RedisCommands<K, V>> command) {
    Objects.requireNonNull(command, "command");
    return record(() -> {
      command.accept(recorder);
      return null;
    }, true);
  }

  @Override
  public int size() {
    return queued.size();
  }

  /** Takes the queued commands, leaving the queue empty. */
  List<QueuedResponse<?>> drain() {
    List<QueuedResponse<?>> taken = queued;
    queued = new ArrayList<>();
    return taken;
  }

  /** Checks that the queue may take a command now. */
  abstract void checkOpen();

  @SuppressWarnings("unchecked")
  private <T extends @Nullable Object> Response<T> record(Supplier<@Nullable Object> call, boolean returnsVoid) {
    checkOpen();
    recorder.captured = null;
    try {
      @Nullable Object unused = call.get(); // the placeholder: the recorder captured the command
    } catch (RuntimeException e) {
      recorder.captured = null;
      throw e;
    }
    QueuedResponse<?> response = recorder.captured;
    recorder.captured = null;
    if (response == null) {
      throw new IllegalArgumentException("The lambda given to queue() called no command");
    }
    if (returnsVoid) {
      response.discardValue();
    }
    queued.add(response);
    return (Response<T>) response;
  }

  /** The view the lambdas call: every family, with {@code run} capturing instead of sending. */
  private static final class Recorder<K, V> implements CommandFamilies<K, V> {
    private final TypedCodec<K, V> codec;
    @Nullable QueuedResponse<?> captured;

    Recorder(TypedCodec<K, V> codec) {
      this.codec = codec;
    }

    @Override
    public <T extends @Nullable Object> T run(Command<T> command) {
      if (captured != null) {
        throw new IllegalArgumentException("The lambda given to queue() must call exactly one command; it also called "
            + command.name());
      }
      captured = new QueuedResponse<>(command);
      return command.decoder().placeholder();
    }

    @Override
    public TypedCodec<K, V> codec() {
      return codec;
    }
  }
}
