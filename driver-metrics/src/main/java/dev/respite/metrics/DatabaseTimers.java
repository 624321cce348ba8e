package dev.respite.metrics;

import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The timers of one command and outcome, one per database index. The usual indexes (below
 * {@value #ARRAY_LIMIT}) are found in an array without allocating; a higher one, which only a server with
 * a raised {@code databases} setting has, goes through a map.
 */
final class DatabaseTimers {
  private static final int ARRAY_LIMIT = 64;
  private static final Timer[] NONE = {};

  private final OperationTimers owner;
  private final String operation;
  private final String errorType;
  private final ConcurrentHashMap<Integer, Timer> high = new ConcurrentHashMap<>();
  private volatile Timer[] low = NONE;

  DatabaseTimers(OperationTimers owner, String operation, String errorType) {
    this.owner = owner;
    this.operation = operation;
    this.errorType = errorType;
  }

  /** The timer of {@code database}, registered the first time; null once the binding is closed. */
  @Nullable Timer get(int database) {
    if (database >= 0 && database < ARRAY_LIMIT) {
      Timer[] timers = low;
      Timer timer = database < timers.length ? timers[database] : null;
      return timer != null ? timer : createLow(database);
    }
    Timer timer = high.get(database);
    return timer != null ? timer : createHigh(database);
  }

  private synchronized @Nullable Timer createLow(int database) {
    Timer[] timers = low;
    if (database < timers.length && timers[database] != null) {
      return timers[database];
    }
    Timer timer = owner.register(operation, errorType, database);
    if (timer != null) {
      Timer[] grown = database < timers.length ? timers.clone() : Arrays.copyOf(timers, database + 1);
      grown[database] = timer;
      low = grown;
    }
    return timer;
  }

  private synchronized @Nullable Timer createHigh(int database) {
    Timer timer = high.get(database);
    if (timer == null) {
      timer = owner.register(operation, errorType, database);
      if (timer != null) {
        high.put(database, timer);
      }
    }
    return timer;
  }
}
