package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.FlushMode;
import dev.respite.command.ServerCommands;
import dev.respite.command.ServerInfo;
import dev.respite.command.WaitAofResult;
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
    return run(Command.of(ECHO, Decoders.nonNull(codec().value), codec().value(message)));
  }

  @Override
  default String info() {
    return run(Command.of(INFO, Decoders.NON_NULL_TEXT));
  }

  @Override
  default String info(String section) {
    return run(Command.of(INFO, Decoders.NON_NULL_TEXT, Objects.requireNonNull(section, "section")));
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
    run(Commands.clientSetName(name));
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

  @Override
  default ServerInfo serverInfo() {
    return run(Command.of(INFO, AdminReplies.SERVER_INFO));
  }

  @Override
  default ServerInfo serverInfo(String... sections) {
    return run(Command.of(INFO, AdminReplies.SERVER_INFO, args().all(Args.nonEmpty("INFO", sections)).array()));
  }

  @Override
  default void configSet(String parameter, String value) {
    run(Command.of(CONFIG, Decoders.STATUS, SET, Objects.requireNonNull(parameter, "parameter"),
        Objects.requireNonNull(value, "value")));
  }

  @Override
  default void configSet(Map<String, String> parameters) {
    Args<K, V> args = args().add(SET);
    Args.nonEmpty("CONFIG SET", parameters).forEach((parameter, value) -> args.add(parameter).add(value));
    run(Command.of(CONFIG, Decoders.STATUS, args.array()));
  }

  @Override
  default void flushall(FlushMode mode) {
    run(Command.of(AdminKeywords.FLUSHALL, Decoders.STATUS, AdminKeywords.flushMode(mode)));
  }

  @Override
  default void flushdb(FlushMode mode) {
    run(Command.of(FLUSHDB, Decoders.STATUS, AdminKeywords.flushMode(mode)));
  }

  @Override
  default WaitAofResult waitAof(int local, int replicas, Duration timeout) {
    if (local < 0 || local > 1 || replicas < 0) {
      throw new IllegalArgumentException("WAITAOF takes numlocal 0 or 1 and numreplicas >= 0, got " + local + " and "
          + replicas);
    }
    long millis = Blocking.millis(timeout);
    return run(Command.of(AdminKeywords.WAITAOF, AdminReplies.WAIT_AOF, (long) local, (long) replicas, millis)
        .blocking(millis));
  }
}
