package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The frames the driver sends of its own accord: the handshake, liveness {@code PING}s, the undoing of a
 * session's state, transactions' {@code MULTI}/{@code EXEC} and the subscriber's commands. Frames like any
 * other, so nothing is ever framed by hand.
 */
public final class Commands {
  private static final String DEFAULT_USER = "default";

  /** {@code PING}, answered {@code PONG}. */
  public static final Command<String> PING = Command.of(Keywords.PING, Decoders.STATUS);
  /** {@code MULTI}. */
  public static final Command<String> MULTI = Command.of(Keywords.MULTI, Decoders.STATUS);
  /** {@code EXEC}: the transaction's results, or null if a watched key changed. */
  public static final Command<Reply> EXEC = Command.of(Keywords.EXEC, Decoders.REPLY);
  /** {@code DISCARD}. */
  public static final Command<String> DISCARD = Command.of(AdminKeywords.DISCARD, Decoders.STATUS);
  /** {@code UNWATCH}. */
  public static final Command<String> UNWATCH = Command.of(Keywords.UNWATCH, Decoders.STATUS);

  private Commands() {}

  /** {@code SELECT database}. */
  public static Command<String> select(int database) {
    return Command.of(AdminKeywords.SELECT, Decoders.STATUS, (long) database);
  }

  /** {@code HELLO 3 [AUTH user password] [SETNAME name]}. */
  public static Command<Reply> hello(@Nullable String user, @Nullable String password, @Nullable String name) {
    List<Object> args = new ArrayList<>(6);
    args.add(3L);
    if (password != null) {
      args.add(AdminKeywords.AUTH);
      args.add(user == null ? DEFAULT_USER : user);
      args.add(password);
    }
    if (name != null) {
      args.add(Keywords.SETNAME);
      args.add(name);
    }
    return Command.of(AdminKeywords.HELLO, Decoders.REPLY, args.toArray());
  }

  /** {@code AUTH [user] password}. */
  public static Command<String> auth(@Nullable String user, String password) {
    return user == null ? Command.of(AdminKeywords.AUTH, Decoders.STATUS, password)
        : Command.of(AdminKeywords.AUTH, Decoders.STATUS, user, password);
  }

  /** {@code CLIENT SETNAME name}. */
  public static Command<String> clientSetName(String name) {
    return Command.of(Keywords.CLIENT, Decoders.STATUS, Keywords.SETNAME, name);
  }

  /**
   * A subscriber's {@code command name...} ({@code SUBSCRIBE}, {@code PUNSUBSCRIBE}...), whose confirmations
   * the subscriber's reader thread reads.
   */
  public static Command<Reply> subscription(ProtocolKeyword command, Collection<String> names) {
    return Command.of(command, Decoders.REPLY_OR_PUSH, names.toArray());
  }
}
