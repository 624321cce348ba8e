package dev.respite.impl.pool;

import dev.respite.impl.command.Command;
import dev.respite.impl.command.Commands;
import dev.respite.impl.connection.ConnectionState;
import dev.respite.spi.RedisListener.DestroyReason;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Undoes what a session left on a returned connection (HikariCP's reset of dirty bits, for Redis): discards
 * an open {@code MULTI}, forgets watched keys. The database is left as it is: the next borrower switches
 * only if it wants another one.
 */
final class StateReset {
  private StateReset() {}

  /**
   * Resets {@code entry}'s connection.
   *
   * @throws IllegalStateException if its state cannot be undone and it must be destroyed
   */
  static void reset(PoolEntry entry) throws IOException {
    ConnectionState state = entry.state();
    if (state.isMustClose()) {
      entry.destroyReason(DestroyReason.DIRTY);
    }
    if (!entry.isInStep()) {
      throw new IllegalStateException(entry.connection() + " cannot be reused");
    }
    @Nullable Command<String> undo = state.inMulti() ? Commands.DISCARD : state.watching() ? Commands.UNWATCH : null;
    if (undo != null) {
      // Only an undo exchange must be sure no stray bytes wait: borrowing checks the socket anyway.
      if (!LivenessProbe.answers(entry, false)) {
        throw new IllegalStateException(entry.connection() + " cannot be reused");
      }
      entry.connection().call(undo);
      state.transactionEnded(false);
    }
    entry.idleSince(System.nanoTime());
  }
}
