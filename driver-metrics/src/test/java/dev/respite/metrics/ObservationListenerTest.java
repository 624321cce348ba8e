package dev.respite.metrics;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisServerException;
import dev.respite.spi.RedisListener;
import dev.respite.spi.RedisListener.BatchKind;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link RespiteTracing}'s listener on a {@link TestObservationRegistry}, called by hand in the order the
 * driver calls it: start and completion on the same thread.
 */
class ObservationListenerTest {
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final StubDataSource dataSource = new StubDataSource("redis://cache.internal:6380/0", "cache");

  @Test
  void aCommandIsAChildOfTheCallersObservationWithTheOpenTelemetryKeyValues() {
    RespiteTracing.bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    Observation request = Observation.start("http.request", registry);
    try (Observation.Scope scope = request.openScope()) {
      listener.commandStarted("GET", 3);
      assertThat(registry.getCurrentObservation()).isNotSameAs(request); // the command is current meanwhile
      listener.commandCompleted("GET", 3, 1_000, null);
      assertThat(registry.getCurrentObservation()).isSameAs(request);
    }
    request.stop();

    assertThat(registry).hasNumberOfObservationsWithNameEqualTo(DefaultRedisObservationConvention.COMMAND, 1)
        .hasObservationWithNameEqualTo(DefaultRedisObservationConvention.COMMAND).that()
        .hasContextualNameEqualTo("GET")
        .hasParentObservationEqualTo(request)
        .hasLowCardinalityKeyValue("db.system.name", "redis")
        .hasLowCardinalityKeyValue("db.operation.name", "GET")
        .hasLowCardinalityKeyValue("db.namespace", "3")
        .hasLowCardinalityKeyValue("server.address", "cache.internal")
        .hasLowCardinalityKeyValue("server.port", "6380")
        .doesNotHaveLowCardinalityKeyValueWithKey("error.type")
        .doesNotHaveHighCardinalityKeyValueWithKey("db.query.text")
        .doesNotHaveError()
        .hasBeenStarted()
        .hasBeenStopped();
  }

  @Test
  void aFailedCommandCarriesItsErrorAndErrorType() {
    RespiteTracing.bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    RedisServerException wrongType = new RedisServerException("WRONGTYPE Operation against a key");
    listener.commandStarted("INCR", 0);
    listener.commandCompleted("INCR", 0, 1_000, wrongType);

    assertThat(registry).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("error.type", "WRONGTYPE")
        .hasError(wrongType)
        .doesNotHaveParentObservation()
        .hasBeenStopped();
  }

  @Test
  void aPipelineIsOneObservationWithItsSizeNotOnePerQueuedCommand() {
    RespiteTracing.bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    listener.batchStarted(BatchKind.PIPELINE, 3, 1);
    listener.commandCompleted("SET", 1, 1_000, null);
    listener.commandCompleted("INCR", 1, 1_000, new RedisServerException("ERR not an integer"));
    listener.commandCompleted("GET", 1, 1_000, null);
    listener.batchCompleted(BatchKind.PIPELINE, 3, 1, 3_000, null);

    assertThat(registry).hasNumberOfObservationsEqualTo(1)
        .hasObservationWithNameEqualTo(DefaultRedisObservationConvention.BATCH).that()
        .hasContextualNameEqualTo("PIPELINE")
        .hasLowCardinalityKeyValue("db.operation.name", "PIPELINE")
        .hasHighCardinalityKeyValue("db.operation.batch.size", "3")
        .doesNotHaveError()
        .hasBeenStopped();
    assertThat(registry.getCurrentObservation()).isNull();
  }

  @Test
  void aTransactionIsOneObservationNamedMulti() {
    RespiteTracing.bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    listener.batchStarted(BatchKind.TRANSACTION, 2, 0);
    listener.commandCompleted("EXEC", 0, 1_000, null);
    listener.batchCompleted(BatchKind.TRANSACTION, 2, 0, 2_000, null);

    assertThat(registry).hasSingleObservationThat()
        .hasNameEqualTo(DefaultRedisObservationConvention.BATCH)
        .hasContextualNameEqualTo("MULTI")
        .hasHighCardinalityKeyValue("db.operation.batch.size", "2")
        .hasBeenStopped();
  }

  @Test
  void queryTextIsTheCommandNameOnlyAndOnlyWhenAskedFor() {
    RespiteTracing.builder().queryText(true).bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    listener.commandStarted("HSET", 0);
    listener.commandCompleted("HSET", 0, 1_000, null);

    assertThat(registry).hasSingleObservationThat().hasHighCardinalityKeyValue("db.query.text", "HSET");
  }

  @Test
  void aCompletionWithoutAStartLeavesTheCallersObservationAlone() {
    RespiteTracing.bind(dataSource, registry);
    Observation request = Observation.start("http.request", registry);
    try (Observation.Scope scope = request.openScope()) {
      dataSource.listener().commandCompleted("GET", 0, 1_000, null); // began before the binding
      assertThat(registry.getCurrentObservation()).isSameAs(request);
    }
    assertThat(registry).hasNumberOfObservationsEqualTo(1);
    assertThat(registry).hasSingleObservationThat().isNotStopped();
    request.stop();
  }

  @Test
  void longPoolWaitsAndTimeoutsAreEventsOfTheCallersObservation() {
    List<Observation.Event> events = new CopyOnWriteArrayList<>();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onEvent(Observation.Event event, Observation.Context context) {
        events.add(event);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    RespiteTracing.builder().poolWaitThreshold(Duration.ofMillis(5)).bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    Observation request = Observation.start("http.request", registry);
    try (Observation.Scope scope = request.openScope()) {
      listener.connectionAcquired(4_000_000); // under the threshold
      listener.connectionAcquired(12_000_000);
      listener.connectionTimedOut(2_000_000_000L);
    }
    request.stop();

    assertThat(events).extracting(Observation.Event::getName)
        .containsExactly(ObservationListener.POOL_WAIT_EVENT, ObservationListener.POOL_TIMEOUT_EVENT);
    assertThat(events.get(0).getContextualName()).contains("12 ms", "cache");
  }

  @Test
  void afterCloseNothingIsObserved() {
    RespiteTracing tracing = RespiteTracing.bind(dataSource, registry);
    RedisListener listener = dataSource.listener();
    tracing.close();
    listener.commandStarted("GET", 0);
    listener.commandCompleted("GET", 0, 1_000, null);

    assertThat(registry).doesNotHaveAnyObservation();
    assertThat(tracing.isClosed()).isTrue();
    assertThat(dataSource.listeners()).isEmpty();
  }

  @Test
  void aNegativePoolWaitThresholdIsRefusedByName() {
    assertThatThrownBy(() -> RespiteTracing.builder().poolWaitThreshold(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolWaitThreshold");
  }

  @Test
  void aClosedDataSourceCannotBeBound() {
    dataSource.close();
    assertThatThrownBy(() -> RespiteTracing.bind(dataSource, registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache").hasMessageContaining("closed");
  }
}
