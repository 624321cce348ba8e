package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.impl.protocol.ProtocolKeyword;

/**
 * The frames a cluster router sends of its own accord ({@code ASKING}, {@code READONLY}, {@code CLUSTER SLOTS},
 * {@code ROLE}), and copies of a caller's command with other arguments or a whole-reply decoder, for the router
 * to split a command by node, rewrite a {@code SCAN} cursor or merge the replies of several nodes before
 * decoding them with the caller's decoder.
 */
public final class ClusterFrames {
  /** {@code ASKING}: the next command on this connection may use a slot being imported. */
  public static final Command<String> ASKING = Command.of(ProtocolKeyword.of("ASKING"), Decoders.STATUS);
  /** {@code READONLY}: this connection may read from a replica of the slot's primary. */
  public static final Command<String> READONLY = Command.of(ProtocolKeyword.of("READONLY"), Decoders.STATUS);
  /** {@code CLUSTER SLOTS}. */
  public static final Command<Reply> CLUSTER_SLOTS = Command.of(ProtocolKeyword.of("CLUSTER"), Decoders.REPLY,
      ProtocolKeyword.of("SLOTS"));
  /** {@code ROLE}: whether a node is a primary ({@code master}) or a replica, asked to see a promotion. */
  public static final Command<Reply> ROLE = Command.of(ProtocolKeyword.of("ROLE"), Decoders.REPLY);

  private ClusterFrames() {}

  /** Every argument of {@code command} after its name. */
  public static Object[] args(Command<?> command) {
    Object[] args = new Object[command.argCount()];
    for (int i = 0; i < args.length; i++) {
      args[i] = command.arg(i);
    }
    return args;
  }

  /** {@code command}'s name with {@code args}, whose reply comes back whole, to be merged then decoded. */
  public static Command<Reply> whole(Command<?> command, Object[] args) {
    Command<Reply> copy = Command.of(ProtocolKeyword.of(command.name()), Decoders.REPLY, args);
    return command.blockMillis() == Command.NOT_BLOCKING ? copy : copy.blocking(command.blockMillis());
  }
}
