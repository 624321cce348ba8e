package dev.respite.impl.command;

import static dev.respite.impl.command.AdminKeywords.*;
import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.MigrateOptions;
import dev.respite.command.PersistenceCommands;
import java.time.Duration;
import java.util.Objects;

/** {@link PersistenceCommands} as commands. */
public interface PersistenceFamily<K, V> extends PersistenceCommands<K, V>, CommandContext<K, V> {

  @Override
  default void save() {
    run(Command.of(SAVE, Decoders.STATUS));
  }

  @Override
  default String bgsave() {
    return run(Command.of(BGSAVE, Decoders.STATUS));
  }

  @Override
  default String bgrewriteaof() {
    return run(Command.of(BGREWRITEAOF, Decoders.STATUS));
  }

  @Override
  @SuppressWarnings("unchecked")
  default boolean migrate(String host, int port, int database, Duration timeout, MigrateOptions options, K... keys) {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65_535 || database < 0) {
      throw new IllegalArgumentException("MIGRATE needs a port 1-65535 and a database >= 0, got " + port + " and "
          + database);
    }
    long millis = Blocking.millis(timeout);
    Args<K, V> args = args().add(host).add((long) port).add("").add((long) database).add(millis);
    if (options.isCopy()) {
      args.add(COPY);
    }
    if (options.isReplace()) {
      args.add(REPLACE);
    }
    String password = options.password();
    String username = options.username();
    if (password != null) {
      if (username != null) {
        args.add(AUTH2).add(username).add(password);
      } else {
        args.add(AUTH).add(password);
      }
    }
    args.add(KEYS).keys(Args.nonEmpty("MIGRATE", keys));
    // The timeout bounds each exchange with the target (0 means 1 s to the server), so wait at least that long.
    return run(Command.of(MIGRATE, AdminReplies.MIGRATED, args.array()).blocking(millis == 0 ? 1000 : millis));
  }
}
