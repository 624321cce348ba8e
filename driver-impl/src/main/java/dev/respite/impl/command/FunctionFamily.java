package dev.respite.impl.command;

import static dev.respite.impl.command.AdminKeywords.*;
import static dev.respite.impl.command.Keywords.*;

import dev.respite.Reply;
import dev.respite.command.FlushMode;
import dev.respite.command.FunctionCommands;
import dev.respite.command.FunctionLibrary;
import dev.respite.command.FunctionRestorePolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link FunctionCommands} as commands. */
public interface FunctionFamily<K, V> extends FunctionCommands<K, V>, CommandContext<K, V> {

  @Override
  default List<FunctionLibrary> functionList() {
    return run(Command.of(FUNCTION, AdminReplies.FUNCTION_LIST, LIST));
  }

  @Override
  default List<FunctionLibrary> functionList(String libraryPattern, boolean withCode) {
    Objects.requireNonNull(libraryPattern, "libraryPattern");
    Command<List<FunctionLibrary>> command = withCode
        ? Command.of(FUNCTION, AdminReplies.FUNCTION_LIST, LIST, LIBRARYNAME, libraryPattern, WITHCODE)
        : Command.of(FUNCTION, AdminReplies.FUNCTION_LIST, LIST, LIBRARYNAME, libraryPattern);
    return run(command);
  }

  @Override
  default byte[] functionDump() {
    return run(Command.of(FUNCTION, AdminReplies.BYTES, DUMP));
  }

  @Override
  default void functionRestore(byte[] payload, FunctionRestorePolicy policy) {
    Objects.requireNonNull(payload, "payload");
    run(Command.of(FUNCTION, Decoders.STATUS, RESTORE, payload, Objects.requireNonNull(policy, "policy").name()));
  }

  @Override
  default void functionFlush(FlushMode mode) {
    run(Command.of(FUNCTION, Decoders.STATUS, FLUSH, AdminKeywords.flushMode(mode)));
  }

  @Override
  default void functionKill() {
    run(Command.of(FUNCTION, Decoders.STATUS, KILL));
  }

  @Override
  default Map<String, Reply> functionStats() {
    return run(Command.of(FUNCTION, Decoders.REPLY_MAP, STATS));
  }
}
