package dev.respite.metrics;

import dev.respite.RedisDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Collection;

/**
 * Micrometer metrics of one {@link RedisDataSource}, named after the OpenTelemetry database-client semantic
 * conventions so that dashboards built for any OTel-aware stack work unchanged:
 *
 * <pre>{@code
 * RedisDataSource redis = RedisDataSource.create("redis://localhost:6379/0?poolName=cache");
 * RespiteMetrics.bind(redis, meterRegistry);
 * }</pre>
 *
 * <p>Meters, all tagged {@code pool.name} (the data source's {@link RedisDataSource#poolName()} unless said):
 * <ul>
 *   <li>{@code db.client.operation.duration}, a timer per command, also tagged {@code db.system.name=redis},
 *       {@code db.operation.name} (the command, such as {@code GET}), {@code db.namespace} (the database
 *       index), {@code server.address}, {@code server.port} and {@code error.type} (the error code, such as
 *       {@code WRONGTYPE}, or {@code timeout}, {@code connection}, {@code protocol}...; empty on success);
 *   <li>{@code db.client.connection.count} (a gauge tagged {@code state=idle|used}),
 *       {@code db.client.connection.max}, {@code .idle.max}, {@code .idle.min},
 *       {@code .pending_requests}: one set of gauges per pool, also tagged {@code server.address} and
 *       {@code server.port}. A Sentinel or Cluster data source has one pool per node
 *       ({@link RedisDataSource#nodePoolStats()}), so one set per node pool, whose {@code pool.name} is the
 *       node pool's ({@code <poolName>@host:port}, {@code <poolName>-readonly@host:port} for a cluster's
 *       replica reads); they follow the pools as nodes are first used and retired, and no summed set stands
 *       beside them, so that no sum over the series counts a connection twice;
 *   <li>{@code db.client.connection.timeouts} (a counter of borrows that gave up), and
 *       {@code .create_time}, {@code .wait_time}, {@code .use_time} (timers), per data source;
 *   <li>{@code respite.subscriber.message.duration}, a timer of the time each subscriber's
 *       {@code MessageListener} took per message, and {@code respite.subscriber.reconnects}, a counter tagged
 *       {@code error.type} (OpenTelemetry has no convention for subscribers).
 * </ul>
 *
 * <p>The meters leave the registry when the data source is closed, or when {@link #close()} is called.
 * Every binding that shares a Prometheus registry must use the same options: Prometheus wants one set of
 * tags, and one kind of histogram, per meter name.
 */
public final class RespiteMetrics extends ListenerBinding {

  private RespiteMetrics(RedisDataSource dataSource, MetricsListener listener) {
    super(dataSource, listener);
  }

  /**
   * Binds the meters of {@code dataSource} to {@code registry} with the default options: a timer per
   * command, no percentile histograms.
   *
   * @throws IllegalArgumentException if the data source is already closed
   */
  public static RespiteMetrics bind(RedisDataSource dataSource, MeterRegistry registry) {
    return builder().bind(dataSource, registry);
  }

  /** Options for {@link Builder#bind(RedisDataSource, MeterRegistry)}: histograms and the command tag. */
  public static Builder builder() {
    return new Builder();
  }




  /** Chooses how much detail the meters carry; every option costs time series. Not thread-safe. */
  public static final class Builder {
    private boolean percentileHistograms;
    private CommandTag commandTag = CommandTag.every();

    private Builder() {}

    /**
     * Publishes percentile histograms (Prometheus {@code _bucket} series, about 90 per timer and tag set)
     * for every timer, so that {@code histogram_quantile} can compute p50/p99 across instances. Off by
     * default because of the number of series it adds.
     */
    public Builder percentileHistograms(boolean enabled) {
      this.percentileHistograms = enabled;
      return this;
    }

    /**
     * Keeps {@code db.operation.name} for these commands only (case does not matter); every other
     * command is timed under {@code db.operation.name=other}.
     *
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder commandNames(String... commands) {
      return commandNames(Arrays.asList(commands));
    }

    /**
     * Keeps {@code db.operation.name} for these commands only; see {@link #commandNames(String...)}.
     *
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder commandNames(Collection<String> commands) {
      this.commandTag = CommandTag.only(commands);
      return this;
    }

    /** Leaves out {@code db.operation.name}: one timer per database and outcome, whatever the command. */
    public Builder withoutCommandTag() {
      this.commandTag = CommandTag.none();
      return this;
    }

    /**
     * Registers the meters of {@code dataSource} in {@code registry} and starts recording.
     *
     * @throws IllegalArgumentException if the data source is already closed
     */
    public RespiteMetrics bind(RedisDataSource dataSource, MeterRegistry registry) {
      MetricsListener listener = ListenerBinding.attach(dataSource, registry, "metrics",
          ds -> new MetricsListener(ds, registry, commandTag, percentileHistograms));
      return new RespiteMetrics(dataSource, listener);
    }
  }
}
