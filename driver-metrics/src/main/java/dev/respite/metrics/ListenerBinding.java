package dev.respite.metrics;

import dev.respite.RedisDataSource;
import dev.respite.spi.RedisListener;
import java.util.Objects;
import java.util.function.Function;

/**
 * A listener bound to a data source, and how it is attached and detached: the same for meters
 * ({@link RespiteMetrics}) and observations ({@link RespiteTracing}).
 */
abstract class ListenerBinding implements AutoCloseable {
  private final RedisDataSource dataSource;
  private final Bound listener;

  ListenerBinding(RedisDataSource dataSource, Bound listener) {
    this.dataSource = dataSource;
    this.listener = listener;
  }

  /** Detaches the listener and releases what it holds (meters). Calling it again does nothing. */
  @Override
  public final void close() {
    dataSource.removeListener(listener);
    // Already done by removeListener, unless the data source had closed (and closed the listener) first.
    listener.close();
  }

  /** Whether {@link #close()} was called, or the data source was closed. */
  public final boolean isClosed() {
    return listener.isClosed();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[pool=" + dataSource.poolName() + (isClosed() ? ", closed" : "") + "]";
  }

  /** A listener that knows whether it was closed. */
  interface Bound extends RedisListener {
    boolean isClosed();

    /** Called once the data source has added this listener, so that it hears every event from now on. */
    default void attached() {}
  }

  /**
   * Checks that {@code dataSource} is open, makes the listener and adds it; closes it at once if the data
   * source closed meanwhile (perhaps after closing its listeners: nobody else would close this one).
   *
   * @param what what is bound, for the message: {@code metrics}, {@code tracing}
   * @throws IllegalArgumentException if the data source is already closed
   */
  static <L extends Bound> L attach(RedisDataSource dataSource, Object registry, String what,
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
    } else {
      made.attached();
    }
    return made;
  }
}
