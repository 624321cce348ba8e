package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.ServerCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link ServerCommands} as commands. */
public interface ServerFamily<K, V> extends ServerCommands<K, V>, CommandContext<K, V> {

  @Override
  default String ping() {
    return run(Command.of(PING, Decoders.STATUS));
  }

  @Override
  default V echo(V message) {
    @Nullable V echoed = run(Command.of(ECHO, codec().value, codec().value(message)));
    return Objects.requireNonNull(echoed);
  }

  @Override
  default String info() {
    @Nullable String info = run(Command.of(INFO, Decoders.TEXT));
    return Objects.requireNonNull(info);
  }

  @Override
  default String info(String section) {
    @Nullable String info = run(Command.of(INFO, Decoders.TEXT, Objects.requireNonNull(section, "section")));
    return Objects.requireNonNull(info);
  }

  @Override
  default long dbsize() {
    return run(Command.of(DBSIZE, Decoders.LONG));
  }

  @Override
  default void flushdb() {
    run(Command.of(FLUSHDB, Decoders.STATUS));
  }

  @Override
  default void flushdbAsync() {
    run(Command.of(FLUSHDB, Decoders.STATUS, ASYNC));
  }

  @Override
  default Instant time() {
    return run(Command.of(TIME, Decoders.TIME));
  }

  @Override
  default Instant lastSave() {
    return run(Command.of(LASTSAVE, Decoders.EPOCH_SECONDS));
  }

  @Override
  default void clientSetName(String name) {
    Objects.requireNonNull(name, "name");
    run(Command.of(CLIENT, Decoders.STATUS, SETNAME, name).effect(Command.Effect.CLOSES_CONNECTION));
  }

  @Override
  default @Nullable String clientGetName() {
    return run(Command.of(CLIENT, Decoders.TEXT, GETNAME));
  }

  @Override
  default long clientId() {
    return run(Command.of(CLIENT, Decoders.LONG, ID));
  }

  @Override
  default Map<String, String> configGet(String pattern) {
    return run(Command.of(CONFIG, Decoders.TEXT_MAP, GET, Objects.requireNonNull(pattern, "pattern")));
  }

  @Override
  default long waitReplicas(int replicas, Duration timeout) {
    long millis = Blocking.millis(timeout);
    return run(Command.of(WAIT, Decoders.LONG, (long) replicas, millis).blocking(millis));
  }
}
