package dev.respite.metrics;

import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.spi.RedisListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RedisListener} that turns one data source's commands into Micrometer observations: each
 * command, pipeline or transaction is started and put in scope on the calling thread (so it is a child of
 * whatever observation was current there), and stopped when it completes. Pool waits of at least the
 * threshold become an event of the caller's current observation.
 */
final class ObservationListener implements ListenerBinding.Bound {
  static final String POOL_WAIT_EVENT = "respite.pool.wait";
  static final String POOL_TIMEOUT_EVENT = "respite.pool.timeout";
  private static final DefaultRedisObservationConvention COMMANDS = new DefaultRedisObservationConvention();
  private static final DefaultRedisObservationConvention BATCHES = DefaultRedisObservationConvention.batches();

  private final ObservationRegistry registry;
  private final @Nullable RedisObservationConvention convention;
  private final String host;
  private final int port;
  private final String poolName;
  private final boolean queryText;
  private final long poolWaitThresholdNanos;
  private volatile boolean closed;

  ObservationListener(RedisDataSource dataSource, ObservationRegistry registry,
      @Nullable RedisObservationConvention convention, boolean queryText, Duration poolWaitThreshold) {
    RedisConfig config = dataSource.config();
    this.registry = registry;
    this.convention = convention;
    ServerAddress server = ServerAddress.of(config);
    this.host = server.host();
    this.port = server.port();
    this.poolName = dataSource.poolName();
    this.queryText = queryText;
    this.poolWaitThresholdNanos = poolWaitThreshold.toNanos();
  }

  @Override
  public void commandStarted(String command, int database) {
    start(command, database, null, 1, COMMANDS);
  }

  @Override
  public void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {
    stop(false, failure);
  }

  @Override
  public void batchStarted(BatchKind kind, int commands, int database) {
    start(kind == BatchKind.PIPELINE ? "PIPELINE" : "MULTI", database, kind, commands, BATCHES);
  }

  @Override
  public void batchCompleted(BatchKind kind, int commands, int database, long durationNanos,
      @Nullable Throwable failure) {
    stop(true, failure);
  }

  private void start(String command, int database, @Nullable BatchKind batch, int commands,
      DefaultRedisObservationConvention defaults) {
    if (closed || registry.isNoop()) {
      return;
    }
    RedisObservationContext context = new RedisObservationContext(this, command, database, batch, commands, host,
        port, poolName, queryText);
    Observation observation = Observation.createNotStarted(convention, defaults, () -> context, registry);
    observation.start().openScope();
  }

  /**
   * Stops the observation this listener put in scope on this thread, if it is the current one: a command
   * queued in a batch completes inside the batch's observation, which only the batch's end stops, and a
   * command that started before this listener was added has none.
   */
  private void stop(boolean batch, @Nullable Throwable failure) {
    Observation.Scope scope = registry.getCurrentObservationScope();
    if (scope == null) {
      return;
    }
    Observation observation = scope.getCurrentObservation();
    Observation.Context context = observation.getContext();
    if (!(context instanceof RedisObservationContext)) {
      return;
    }
    RedisObservationContext redis = (RedisObservationContext) context;
    if (!redis.isOf(this) || (redis.batch() != null) != batch) {
      return;
    }
    if (failure != null) {
      observation.error(failure);
    }
    scope.close();
    observation.stop();
  }

  @Override
  public void connectionAcquired(long waitNanos) {
    if (waitNanos >= poolWaitThresholdNanos) {
      event(POOL_WAIT_EVENT, "Waited " + Duration.ofNanos(waitNanos).toMillis() + " ms for a Redis connection"
          + " from pool " + poolName);
    }
  }

  @Override
  public void connectionTimedOut(long waitNanos) {
    event(POOL_TIMEOUT_EVENT, "Gave up after " + Duration.ofNanos(waitNanos).toMillis()
        + " ms waiting for a Redis connection from pool " + poolName);
  }

  /** Adds an event to the caller's current observation, if there is one. */
  private void event(String name, String description) {
    if (closed) {
      return;
    }
    Observation current = registry.getCurrentObservation();
    if (current != null) {
      current.event(Observation.Event.of(name, description));
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }
}
