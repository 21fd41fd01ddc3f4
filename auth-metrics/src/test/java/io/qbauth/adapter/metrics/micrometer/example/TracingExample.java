package io.qbauth.adapter.metrics.micrometer.example;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;

/**
 * How an application gets metrics in Prometheus and traces in OpenTelemetry from one qbauth client: the documented
 * meters from {@link QbAuthMetrics} on the Prometheus registry, the observations from {@link QbAuthObservations} on
 * an {@link ObservationRegistry} whose handlers make OpenTelemetry spans (Micrometer Tracing's bridge), plus,
 * optionally, timers of the observations on the same Prometheus registry ({@code qbauth_client_*}: other names, no
 * clash). Spring Boot wires the observation registry the same way.
 */
public final class TracingExample {

    private TracingExample() {
    }

    /** Builds {@code builder}'s client with metrics on {@code meters} and traces through {@code openTelemetry}. */
    public static QbAuthClient build(QbAuth.Builder builder, MeterRegistry meters, OpenTelemetry openTelemetry) {
        io.opentelemetry.api.trace.Tracer otelTracer = openTelemetry.getTracer("io.qbauth");
        OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> { });
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
                // spans: a client span per HTTP exchange (which can carry traceparent), a span for everything else
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer,
                                new OtelPropagator(openTelemetry.getPropagators(), otelTracer)),
                        new DefaultTracingObservationHandler(tracer)))
                // optional: timers of the observations too (qbauth.client.*), beside the meters of QbAuthMetrics
                .observationHandler(new DefaultMeterObservationHandler(meters));
        return QbAuthMetrics.instrument(builder, meters)
                .instrumentation(QbAuthObservations.instrumentation(observations)
                        .propagateTraceContext(false)) // true: traceparent on requests, for a proxy in front of QuickBlox
                .build();
    }
}
