package io.qbauth.adapter.metrics.micrometer.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.ObservationRecorder;
import io.qbauth.adapter.metrics.micrometer.support.Scrape;
import io.qbauth.adapter.metrics.micrometer.support.ScriptedJourney;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.TestClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The meter path ({@link QbAuthMetrics}) and the observation path ({@link QbAuthObservations} with Micrometer's
 * {@code DefaultMeterObservationHandler}, as Spring Boot wires it) on one client and one real
 * {@link PrometheusMeterRegistry}: no meter is refused, the documented meters keep their names and tag keys, the
 * observation timers sit beside them under their own names, and both count the same operations. Why the names must
 * differ: a timer named like a meter but with another tag set (the handler's {@code error} tag) is accepted by
 * Micrometer's Prometheus registry into the same family, and every {@code sum} over it counts each call twice.
 */
class BothPathsOnOnePrometheusRegistryTest {

    private static final Set<String> OPERATION_TAGS = Set.of("operation", "session_kind", "auth_method", "outcome",
            "exception");

    @Test
    void the_two_paths_share_a_prometheus_registry_without_a_clash() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> refused = new CopyOnWriteArrayList<>();
        prometheus.config().onMeterRegistrationFailed((id, reason) -> refused.add(id.getName() + ": " + reason));
        ObservationRegistry observations = ObservationRegistry.create();
        ObservationRecorder recorder = new ObservationRecorder();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(prometheus))
                .observationHandler(recorder);
        TestClock clock = TestClock.followingSystem();
        try (QbEmulator emulator = Emulators.builder(clock).start();
             QbAuthClient client = QbAuthObservations.instrument(
                     QbAuthMetrics.instrument(Emulators.client(emulator), prometheus), observations).build()) {
            ScriptedJourney.run(client, emulator, clock);
            recorder.awaitAllStopped();
        }
        Scrape scrape = Scrape.parse(prometheus.scrape());

        assertThat(refused).isEmpty();
        assertThat(scrape.labelKeys("qbauth_operations_seconds_count")).containsOnly(OPERATION_TAGS);
        assertThat(scrape.labelKeys("qbauth_http_client_requests_seconds_count"))
                .containsOnly(Set.of("method", "uri", "status", "outcome", "exception", "client_name"));
        assertThat(scrape.labelKeys("qbauth_client_operation_seconds_count")).allSatisfy(keys ->
                assertThat(keys).containsAll(OPERATION_TAGS).contains("error", "client_name"));
        assertThat(scrape.names()).contains("qbauth_client_http_exchange_seconds_count",
                "qbauth_client_session_acquisition_seconds_count", "qbauth_client_session_creation_seconds_count",
                "qbauth_client_request_replay_seconds_count", "qbauth_session_creations_total");
        assertThat(scrape.sum("qbauth_client_operation_seconds_count", Map.of()))
                .isEqualTo(scrape.sum("qbauth_operations_seconds_count", Map.of())).isPositive();
        assertThat(scrape.sum("qbauth_client_http_exchange_seconds_count", Map.of()))
                .isEqualTo(scrape.sum("qbauth_http_client_requests_seconds_count", Map.of())).isPositive();
    }

    @Test
    void a_timer_named_like_a_meter_with_another_tag_set_would_silently_double_count() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> refused = new CopyOnWriteArrayList<>();
        prometheus.config().onMeterRegistrationFailed((id, reason) -> refused.add(id.getName()));
        Timer.builder(QbAuthMetrics.OPERATIONS).tags("operation", "login").register(prometheus).record(
                java.time.Duration.ofMillis(1));

        // what DefaultMeterObservationHandler would add if an observation were named like the meter: an error tag
        Timer.builder(QbAuthMetrics.OPERATIONS).tags("operation", "login", "error", "none").register(prometheus)
                .record(java.time.Duration.ofMillis(1));
        Scrape scrape = Scrape.parse(prometheus.scrape());
        assertThat(scrape.labelKeys("qbauth_operations_seconds_count")).hasSize(2);
        assertThat(scrape.sum("qbauth_operations_seconds_count", Map.of())).as("one call, counted twice")
                .isEqualTo(2);

        assertThat(refused).isEmpty(); // Micrometer 1.13+ accepts it silently: the harm is the double count
    }
}
