package dev.respite.impl.command;

import static dev.respite.impl.command.AdminKeywords.*;
import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.SlowLogCommands;
import dev.respite.command.SlowLogEntry;
import java.util.List;

/** {@link SlowLogCommands} as commands. */
public interface SlowLogFamily<K, V> extends SlowLogCommands<K, V>, CommandContext<K, V> {

  @Override
  default List<SlowLogEntry> slowlogGet(int count) {
    if (count < -1) {
      throw new IllegalArgumentException("SLOWLOG GET count must be -1 (all) or more, got " + count);
    }
    return run(Command.of(SLOWLOG, AdminReplies.SLOWLOG, GET, (long) count));
  }

  @Override
  default long slowlogLen() {
    return run(Command.of(SLOWLOG, Decoders.LONG, LEN));
  }

  @Override
  default void slowlogReset() {
    run(Command.of(SLOWLOG, Decoders.STATUS, RESET));
  }
}
