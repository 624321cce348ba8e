package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.Reply;
import dev.respite.command.FlushMode;
import dev.respite.command.ScriptingCommands;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link ScriptingCommands} as commands. */
public interface ScriptingFamily<K, V> extends ScriptingCommands<K, V>, CommandContext<K, V> {

  @Override
  default Reply eval(String script, List<K> keys, List<V> args) {
    return run(Command.of(EVAL, Decoders.REPLY, callArgs(Objects.requireNonNull(script, "script"), keys, args)));
  }

  @Override
  default Reply evalSha(String sha1, List<K> keys, List<V> args) {
    return run(Command.of(EVALSHA, Decoders.REPLY, callArgs(Objects.requireNonNull(sha1, "sha1"), keys, args)));
  }

  @Override
  default Reply evalReadOnly(String script, List<K> keys, List<V> args) {
    return run(Command.of(EVAL_RO, Decoders.REPLY, callArgs(Objects.requireNonNull(script, "script"), keys, args)));
  }

  @Override
  default Reply evalShaReadOnly(String sha1, List<K> keys, List<V> args) {
    return run(Command.of(EVALSHA_RO, Decoders.REPLY, callArgs(Objects.requireNonNull(sha1, "sha1"), keys, args)));
  }

  @Override
  default String scriptLoad(String script) {
    return run(Command.of(SCRIPT, Decoders.NON_NULL_TEXT, LOAD, Objects.requireNonNull(script, "script")));
  }

  @Override
  default List<Boolean> scriptExists(String... sha1s) {
    Object[] args = new Object[1 + Args.nonEmpty("SCRIPT EXISTS", sha1s).length];
    args[0] = EXISTS;
    System.arraycopy(sha1s, 0, args, 1, sha1s.length);
    return run(Command.of(SCRIPT, Decoders.BOOLEAN_LIST, args));
  }

  @Override
  default void scriptFlush() {
    run(Command.of(SCRIPT, Decoders.STATUS, FLUSH));
  }

  @Override
  default Reply fcall(String function, List<K> keys, List<V> args) {
    return run(Command.of(FCALL, Decoders.REPLY, callArgs(Objects.requireNonNull(function, "function"), keys, args)));
  }

  @Override
  default Reply fcallReadOnly(String function, List<K> keys, List<V> args) {
    return run(Command.of(FCALL_RO, Decoders.REPLY,
        callArgs(Objects.requireNonNull(function, "function"), keys, args)));
  }

  @Override
  default String functionLoad(String code, boolean replace) {
    Objects.requireNonNull(code, "code");
    Command<String> command = replace ? Command.of(FUNCTION, Decoders.STATUS, LOAD, REPLACE, code)
        : Command.of(FUNCTION, Decoders.STATUS, LOAD, code);
    return run(command);
  }

  @Override
  default void functionDelete(String library) {
    run(Command.of(FUNCTION, Decoders.STATUS, DELETE, Objects.requireNonNull(library, "library")));
  }

  @Override
  default void functionFlush() {
    run(Command.of(FUNCTION, Decoders.STATUS, FLUSH));
  }

  @Override
  default void scriptFlush(FlushMode mode) {
    run(Command.of(SCRIPT, Decoders.STATUS, FLUSH, AdminKeywords.flushMode(mode)));
  }

  @Override
  default void scriptKill() {
    run(Command.of(SCRIPT, Decoders.STATUS, AdminKeywords.KILL));
  }

  /** {@code name numkeys key... arg...}, shared by EVAL, EVALSHA and FCALL. */
  private Object[] callArgs(String name, List<K> keys, List<V> args) {
    return args().add(name).add((long) keys.size()).keys(keys).values(args).array();
  }
}
