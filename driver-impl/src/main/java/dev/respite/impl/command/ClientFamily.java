package dev.respite.impl.command;

import static dev.respite.impl.command.AdminKeywords.*;
import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.ClientCommands;
import dev.respite.command.ClientInfo;
import dev.respite.command.ClientKillFilter;
import dev.respite.command.PauseMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@link ClientCommands} as commands. */
public interface ClientFamily<K, V> extends ClientCommands<K, V>, CommandContext<K, V> {

  @Override
  default List<ClientInfo> clientList() {
    return run(Command.of(CLIENT, AdminReplies.CLIENT_LIST, LIST));
  }

  @Override
  default ClientInfo clientInfo() {
    return run(Command.of(CLIENT, AdminReplies.CLIENT_INFO, INFO));
  }

  @Override
  default long clientKill(ClientKillFilter filter) {
    List<String> filters = Objects.requireNonNull(filter, "filter").arguments();
    if (filters.isEmpty()) {
      throw new IllegalArgumentException("CLIENT KILL needs at least one filter");
    }
    return run(Command.of(CLIENT, Decoders.LONG, args().add(KILL).all(filters.toArray(new String[0])).array()));
  }

  @Override
  default void clientPause(Duration duration, PauseMode mode) {
    long millis = Objects.requireNonNull(duration, "duration").toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("CLIENT PAUSE needs a positive duration, got " + duration);
    }
    run(Command.of(CLIENT, Decoders.STATUS, PAUSE, millis,
        Objects.requireNonNull(mode, "mode") == PauseMode.ALL ? ALL : WRITE));
  }

  @Override
  default void clientUnpause() {
    run(Command.of(CLIENT, Decoders.STATUS, UNPAUSE));
  }

  @Override
  default void clientNoEvict(boolean on) {
    // The effect (the connection is closed after the session) comes from the subcommand: CommandEffect.
    run(Command.of(CLIENT, Decoders.STATUS, NO_EVICT, on ? ON : OFF));
  }
}
