package io.qbauth.adapter.metrics.micrometer.support;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * A real tracer: Micrometer Tracing's OpenTelemetry bridge on the OpenTelemetry SDK, every span sampled and exported
 * to memory, W3C trace-context propagation; and an {@link ObservationRegistry} whose handlers make spans of
 * observations (the sender handler for client exchanges, which injects the trace context, the default one for the
 * rest), as Spring Boot wires them.
 */
public final class OtelTracing implements AutoCloseable {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOn()).addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final ObservationRegistry registry = ObservationRegistry.create();

    public OtelTracing() {
        io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("qbauth-tests");
        OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        OtelPropagator propagator = new OtelPropagator(sdk.getPropagators(), otel);
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
    }

    /** The registry to instrument a client with. */
    public ObservationRegistry registry() {
        return registry;
    }

    /** Where the finished spans go. */
    public InMemorySpanExporter exporter() {
        return exporter;
    }

    @Override
    public void close() {
        sdk.close();
    }
}
