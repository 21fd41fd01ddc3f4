package io.qbauth.adapter.metrics.micrometer.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.Scrape;
import io.qbauth.domain.Credentials;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tracing example against the emulator: the login is in the Prometheus scrape, twice named, and a trace. */
class TracingExampleTest {

    @Test
    void a_login_is_a_metric_an_observation_timer_and_a_trace() throws Exception {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
                .throwExceptionOnRegistrationFailure();
        try (QbEmulator emulator = Emulators.builder(TestClock.followingSystem()).start();
             OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                     .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
             QbAuthClient client = TracingExample.build(Emulators.client(emulator), prometheus, openTelemetry)) {
            client.blocking().login(Credentials.login(Emulators.ALICE, Emulators.ALICE_PASSWORD));
            List<SpanData> spans = awaitSpans(exporter, 4); // login, its creation, and their two exchanges

            assertThat(spans).extracting(SpanData::getName).contains("qbauth login", "session creation",
                    "POST /session.json", "POST /login.json");
            assertThat(spans).extracting(SpanData::getTraceId).containsOnly(spans.get(0).getTraceId());
        }
        Scrape scrape = Scrape.parse(prometheus.scrape());
        assertThat(scrape.sum("qbauth_operations_seconds_count", Map.of("operation", "login"))).isEqualTo(1);
        assertThat(scrape.sum("qbauth_client_operation_seconds_count", Map.of("operation", "login"))).isEqualTo(1);
    }

    private static List<SpanData> awaitSpans(InMemorySpanExporter exporter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return exporter.getFinishedSpanItems();
    }
}
