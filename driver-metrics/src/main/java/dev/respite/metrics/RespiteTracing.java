package dev.respite.metrics;

import dev.respite.RedisDataSource;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer observations (tracing spans, with Micrometer Tracing) of one {@link RedisDataSource}'s commands:
 *
 * <pre>{@code
 * RespiteTracing.bind(redis, observationRegistry);
 * }</pre>
 *
 * <p>Each command is an observation {@value DefaultRedisObservationConvention#COMMAND}, each pipeline or
 * transaction one {@value DefaultRedisObservationConvention#BATCH} (not one per queued command), child of the
 * observation current on the calling thread and tagged after the OpenTelemetry database conventions (see
 * {@link DefaultRedisObservationConvention}). A wait for a pooled connection of at least
 * {@link Builder#poolWaitThreshold} (1 ms by default) is an event ({@code respite.pool.wait}) of the caller's
 * current observation; a borrow that gives up is a {@code respite.pool.timeout} event. Arguments are never
 * recorded.
 */
public final class RespiteTracing implements AutoCloseable {
  /** The default {@link Builder#poolWaitThreshold}. */
  public static final Duration DEFAULT_POOL_WAIT_THRESHOLD = Duration.ofMillis(1);

  private final RedisDataSource dataSource;
  private final ObservationListener listener;

  private RespiteTracing(RedisDataSource dataSource, ObservationListener listener) {
    this.dataSource = dataSource;
    this.listener = listener;
  }

  /**
   * Observes the commands of {@code dataSource} in {@code registry}, with the default options.
   *
   * @throws IllegalArgumentException if the data source is already closed
   */
  public static RespiteTracing bind(RedisDataSource dataSource, ObservationRegistry registry) {
    return builder().bind(dataSource, registry);
  }

  /** Options for {@link Builder#bind(RedisDataSource, ObservationRegistry)}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Stops observing. Calling it again does nothing. */
  @Override
  public void close() {
    dataSource.removeListener(listener);
    listener.close();
  }

  /** Whether {@link #close()} was called, or the data source was closed. */
  public boolean isClosed() {
    return listener.isClosed();
  }

  @Override
  public String toString() {
    return "RespiteTracing[pool=" + dataSource.poolName() + (isClosed() ? ", closed" : "") + "]";
  }

  /** What the observations carry. Not thread-safe. */
  public static final class Builder {
    private boolean queryText;
    private Duration poolWaitThreshold = DEFAULT_POOL_WAIT_THRESHOLD;
    private @Nullable RedisObservationConvention convention;

    private Builder() {}

    /**
     * Adds {@code db.query.text}, a high-cardinality key value holding the command's name ({@code GET}) and
     * nothing else: never a key, an argument or a value. Off by default.
     */
    public Builder queryText(boolean enabled) {
      this.queryText = enabled;
      return this;
    }

    /**
     * Records a pool wait of at least {@code threshold} as an event of the caller's observation.
     *
     * @throws IllegalArgumentException if the threshold is negative
     */
    public Builder poolWaitThreshold(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException("poolWaitThreshold must not be negative: " + threshold);
      }
      this.poolWaitThreshold = threshold;
      return this;
    }

    /** Names and tags the observations with {@code convention} instead of the default one. */
    public Builder convention(RedisObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /**
     * Starts observing the commands of {@code dataSource} in {@code registry}.
     *
     * @throws IllegalArgumentException if the data source is already closed
     */
    public RespiteTracing bind(RedisDataSource dataSource, ObservationRegistry registry) {
      ObservationListener listener = ListenerBinding.attach(dataSource, registry, "tracing",
          ds -> new ObservationListener(ds, registry, convention, queryText, poolWaitThreshold));
      return new RespiteTracing(dataSource, listener);
    }
  }
}
