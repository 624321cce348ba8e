package dev.respite.metrics;

import dev.respite.RedisDataSource;
import dev.respite.spi.RedisListener;
import java.util.Objects;
import java.util.function.Function;

/** How a binding attaches its listener to a data source, the same for meters and observations. */
final class ListenerBinding {
  private ListenerBinding() {}

  /**
   * Checks that {@code dataSource} is open, makes the listener and adds it; closes it at once if the data
   * source closed meanwhile (perhaps after closing its listeners: nobody else would close this one).
   *
   * @param what what is bound, for the message: {@code metrics}, {@code tracing}
   * @throws IllegalArgumentException if the data source is already closed
   */
  static <L extends RedisListener> L attach(RedisDataSource dataSource, Object registry, String what,
      Function<RedisDataSource, L> listener) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(registry, "registry");
    if (dataSource.isClosed()) {
      throw new IllegalArgumentException("Cannot bind " + what + " to the data source of pool '"
          + dataSource.poolName() + "': it is closed");
    }
    L made = listener.apply(dataSource);
    dataSource.addListener(made);
    if (dataSource.isClosed()) {
      made.close();
    }
    return made;
  }
}
