package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.metrics.RespiteTracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real commands traced through Micrometer Tracing's OpenTelemetry bridge into an in-memory exporter: each
 * command is a client span, child of the request's span, with the OpenTelemetry database attributes.
 */
class TracingIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final ObservationRegistry registry = tracedRegistry();

  private ObservationRegistry tracedRegistry() {
    io.opentelemetry.api.trace.Tracer otel = provider.get("respite-test");
    OtelCurrentTraceContext context = new OtelCurrentTraceContext();
    OtelTracer tracer = new OtelTracer(otel, context, event -> { },
        new OtelBaggageManager(context, List.of(), List.of()));
    OtelPropagator propagator =
        new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
        new DefaultTracingObservationHandler(tracer)));
    return observations;
  }

  @AfterEach
  void closeProvider() {
    provider.close();
  }

  @Test
  void commandsAreClientSpansUnderTheRequestWithTheDatabaseAttributes() {
    RedisDataSource ds = redis.dataSource("/4?poolName=traced");
    RespiteTracing.bind(ds, registry);
    Observation request = Observation.start("checkout", registry);
    try (Observation.Scope scope = request.openScope(); RedisSession s = ds.openSession()) {
      s.set("stock", "5");
      s.get("stock");
      assertThatThrownBy(() -> s.execute("HSET", "stock", "f", "v")).isInstanceOf(RedisServerException.class);
    }
    request.stop();

    SpanData parent = span("checkout");
    List<SpanData> commands = exporter.getFinishedSpanItems().stream().filter(span -> span != parent)
        .collect(Collectors.toList());
    assertThat(commands).extracting(SpanData::getName).containsExactly("SET", "GET", "HSET");
    assertThat(commands).allSatisfy(span -> {
      assertThat(span.getTraceId()).isEqualTo(parent.getTraceId());
      assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanId());
      assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(attribute(span, "db.system.name")).isEqualTo("redis");
      assertThat(attribute(span, "db.namespace")).isEqualTo("4");
      assertThat(attribute(span, "server.address")).isEqualTo(redis.host());
      assertThat(attribute(span, "server.port")).isEqualTo(Integer.toString(redis.port()));
      assertThat(attribute(span, "db.query.text")).isNull();
    });
    SpanData get = span("GET");
    assertThat(attribute(get, "db.operation.name")).isEqualTo("GET");
    assertThat(attribute(get, "error.type")).isNull();
    assertThat(get.getAttributes().asMap().values()).noneMatch(value -> value.toString().contains("stock"));
    SpanData failed = span("HSET");
    assertThat(attribute(failed, "error.type")).isEqualTo("WRONGTYPE");
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
  }

  @Test
  void aPipelineIsOneSpanWithItsBatchSize() {
    RedisDataSource ds = redis.dataSource("");
    RespiteTracing.builder().queryText(true).bind(ds, registry);
    Observation request = Observation.start("import", registry);
    try (Observation.Scope scope = request.openScope(); RedisSession s = ds.openSession()) {
      try (Pipeline<String, String> p = s.pipeline()) {
        p.queueVoid(c -> c.set("a", "1"));
        p.queue(c -> c.incr("a"));
        p.queue(c -> c.get("a"));
      }
    }
    request.stop();

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactlyInAnyOrder("PIPELINE", "import");
    SpanData pipeline = span("PIPELINE");
    assertThat(pipeline.getParentSpanId()).isEqualTo(span("import").getSpanId());
    assertThat(attribute(pipeline, "db.operation.batch.size")).isEqualTo("3");
    assertThat(attribute(pipeline, "db.query.text")).isEqualTo("PIPELINE");
  }

  private SpanData span(String name) {
    return exporter.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("No span " + name + " in " + exporter.getFinishedSpanItems()));
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }
}
