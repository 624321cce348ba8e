package dev.respite.command;

import java.util.List;

/**
 * The slow log: commands that ran longer than {@code slowlog-log-slower-than} microseconds.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface SlowLogCommands<K, V> {

  /** Sends {@code SLOWLOG GET count}: the newest entries first ({@code -1}: every entry). */
  List<SlowLogEntry> slowlogGet(int count);

  /** Sends {@code SLOWLOG LEN}: how many entries the log holds. */
  long slowlogLen();

  /** Sends {@code SLOWLOG RESET}: empties the log. */
  void slowlogReset();
}
