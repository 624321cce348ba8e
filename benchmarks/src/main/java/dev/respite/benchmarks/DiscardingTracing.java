package dev.respite.benchmarks;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * An {@link ObservationRegistry} wired as an application wires tracing: Micrometer Tracing's OpenTelemetry
 * bridge, the SDK, every span sampled and batched, then dropped by the exporter (no network in the figure).
 */
final class DiscardingTracing implements AutoCloseable {
  private final SdkTracerProvider provider = SdkTracerProvider.builder()
      .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingExporter()).build()).build();
  private final ObservationRegistry registry = ObservationRegistry.create();

  DiscardingTracing() {
    io.opentelemetry.api.trace.Tracer otel = provider.get("respite-benchmark");
    OtelCurrentTraceContext context = new OtelCurrentTraceContext();
    OtelTracer tracer = new OtelTracer(otel, context, event -> { },
        new OtelBaggageManager(context, List.of(), List.of()));
    OtelPropagator propagator =
        new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
        new DefaultTracingObservationHandler(tracer)));
  }

  ObservationRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    provider.close();
  }

  /** Accepts every batch of spans and keeps nothing. */
  private static final class DiscardingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
