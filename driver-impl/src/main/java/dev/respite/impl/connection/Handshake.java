package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisServerException;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespReader;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The commands a new connection sends before any session uses it, pipelined into one round trip:
 * {@code HELLO 3 [AUTH user pass] [SETNAME name]} for RESP3, or {@code AUTH} and {@code CLIENT SETNAME} for
 * RESP2, then {@code SELECT} when the default database is not 0; over TLS, at least a {@code PING}.
 */
final class Handshake {
  private static final ProtocolKeyword HELLO = ProtocolKeyword.of("HELLO");
  private static final ProtocolKeyword AUTH = ProtocolKeyword.of("AUTH");
  private static final ProtocolKeyword SETNAME = ProtocolKeyword.of("SETNAME");
  private static final ProtocolKeyword CLIENT = ProtocolKeyword.of("CLIENT");
  private static final ProtocolKeyword SELECT = ProtocolKeyword.of("SELECT");
  private static final ProtocolKeyword PING = ProtocolKeyword.of("PING");
  private static final String DEFAULT_USER = "default";

  private Handshake() {}

  static void perform(RedisConnection connection, RedisConfig config) throws IOException {
    RespWriter writer = connection.writer();
    String password = config.password();
    String user = config.username();
    String name = config.clientName();
    boolean hello = config.protocol() == 3;
    int commands = 0;
    if (hello) {
      writer.writeArrayHeader(2 + (password != null ? 3 : 0) + (name != null ? 2 : 0));
      writer.writeKeyword(HELLO);
      writer.writeBulk(3L);
      if (password != null) {
        writer.writeKeyword(AUTH);
        writer.writeBulk(user == null ? DEFAULT_USER : user);
        writer.writeBulk(password);
      }
      if (name != null) {
        writer.writeKeyword(SETNAME);
        writer.writeBulk(name);
      }
      commands++;
    } else {
      if (password != null) {
        writeAuth(writer, user, password);
        commands++;
      }
      if (name != null) {
        writer.writeArrayHeader(3);
        writer.writeKeyword(CLIENT);
        writer.writeKeyword(SETNAME);
        writer.writeBulk(name);
        commands++;
      }
    }
    if (config.database() != 0) {
      writer.writeArrayHeader(2);
      writer.writeKeyword(SELECT);
      writer.writeBulk(config.database());
      commands++;
    }
    if (commands > 0) {
      connection.send(commands);
      readReplies(connection.reader(), commands, hello);
    } else if (connection.isTls()) {
      provokeTlsRefusal(connection);
    }
    connection.state().selected(config.database(), false);
  }

  /**
   * A TLS 1.3 server checks the client's certificate after the client has finished its side of the TLS
   * handshake, and its refusal comes with the first reply: ask for one before the connection is lent. Any
   * answer will do; an error reply (such as {@code NOAUTH}) is left for the first command, as on plain TCP.
   */
  private static void provokeTlsRefusal(RedisConnection connection) throws IOException {
    connection.writer().writeArrayHeader(1);
    connection.writer().writeKeyword(PING);
    connection.send(1);
    try {
      connection.reader().readReply();
    } catch (RedisServerException e) {
      // Answered: the TLS session stands.
    }
  }

  private static void writeAuth(RespWriter writer, @Nullable String user, String password) throws IOException {
    writer.writeArrayHeader(user == null ? 2 : 3);
    writer.writeKeyword(AUTH);
    if (user != null) {
      writer.writeBulk(user);
    }
    writer.writeBulk(password);
  }

  /** Reads every reply even after an error, so that the first error is reported with the stream in step. */
  private static void readReplies(RespReader reader, int commands, boolean hello) throws IOException {
    RedisServerException first = null;
    for (int i = 0; i < commands; i++) {
      try {
        if (hello && i == 0) {
          reader.readReply();
        } else {
          reader.readStatus();
        }
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
