package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisServerException;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.Commands;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames a new connection sends before any session uses it, pipelined into one round trip:
 * {@code HELLO 3 [AUTH user pass] [SETNAME name]} for RESP3, or {@code AUTH} and {@code CLIENT SETNAME} for
 * RESP2, then {@code SELECT} when the default database is not 0; over TLS, at least a {@code PING}.
 */
final class Handshake {
  private Handshake() {}

  static void perform(RedisConnection connection, RedisConfig config) throws IOException {
    List<Command<?>> frames = frames(config);
    if (frames.isEmpty()) {
      if (connection.isTls()) {
        provokeTlsRefusal(connection);
      }
      return;
    }
    for (Command<?> frame : frames) {
      frame.write(connection.writer());
    }
    connection.send(frames.size());
    readReplies(connection, frames);
  }

  private static List<Command<?>> frames(RedisConfig config) {
    String password = config.password();
    String user = config.username();
    String name = config.clientName();
    List<Command<?>> frames = new ArrayList<>(3);
    if (config.protocol() == 3) {
      frames.add(Commands.hello(user, password, name));
    } else {
      if (password != null) {
        frames.add(Commands.auth(user, password));
      }
      if (name != null) {
        frames.add(Commands.clientSetName(name));
      }
    }
    if (config.database() != 0) {
      frames.add(Commands.select(config.database()));
    }
    return frames;
  }

  /**
   * A TLS 1.3 server checks the client's certificate after the client has finished its side of the TLS
   * handshake, and its refusal comes with the first reply: ask for one before the connection is lent. Any
   * answer will do; an error reply (such as {@code NOAUTH}) is left for the first command, as on plain TCP.
   */
  private static void provokeTlsRefusal(RedisConnection connection) throws IOException {
    try {
      connection.call(Commands.PING);
    } catch (RedisServerException e) {
      // Answered: the TLS session stands.
    }
  }

  /** Reads every reply even after an error, so that the first error is reported with the stream in step. */
  private static void readReplies(RedisConnection connection, List<Command<?>> frames) throws IOException {
    RedisServerException first = null;
    for (Command<?> frame : frames) {
      try {
        frame.decoder().read(connection.reader());
      } catch (RedisServerException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
