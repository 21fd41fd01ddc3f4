package io.qbauth.adapter.metrics.micrometer.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.Scrape;
import io.qbauth.adapter.metrics.micrometer.support.ScriptedJourney;
import io.qbauth.testkit.TestClock;
import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.QbEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Prometheus example against the real emulator: the scripted journey, then {@code /metrics} scraped over HTTP.
 * Checks the series and their counts, the label keys, and that nothing the journey handled leaks into the scrape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusExampleTest {

    private static final String OPERATIONS = "qbauth_operations_seconds_count";
    private static final String HTTP = "qbauth_http_client_requests_seconds_count";

    private final TestClock emulatorClock = TestClock.followingSystem();
    private QbEmulator emulator;
    private PrometheusExample example;
    private ScriptedJourney.Seen seen;
    private String contentType;
    private Scrape scrape;

    @BeforeAll
    void run_the_journey_and_scrape() throws IOException {
        emulator = Emulators.builder(emulatorClock).start();
        example = PrometheusExample.start(Emulators.client(emulator),
                PrometheusExample.qbauthPercentileHistograms());
        seen = ScriptedJourney.run(example.client(), emulator, emulatorClock);
        HttpURLConnection connection = (HttpURLConnection) example.metricsUri().toURL().openConnection();
        try (InputStream body = connection.getInputStream()) {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            contentType = connection.getContentType();
            scrape = Scrape.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    void stop() {
        if (example != null) {
            example.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void metrics_are_served_in_the_prometheus_text_format() {
        assertThat(contentType).startsWith("text/plain; version=0.0.4");
        assertThat(scrape.names()).contains(OPERATIONS, "qbauth_operations_seconds_bucket",
                "qbauth_operations_seconds_max", HTTP, "qbauth_session_creations_total");
    }

    @Test
    void session_creation_and_login_are_timed() {
        assertThat(operations("create_session", "success", "none")).isEqualTo(1);
        assertThat(scrape.sum(OPERATIONS, Map.of("operation", "create_session", "session_kind", "application",
                "auth_method", "none"))).isEqualTo(1);
        assertThat(operations("login", "success", "none")).isEqualTo(1);
        assertThat(scrape.sum(OPERATIONS, Map.of("operation", "login", "session_kind", "user",
                "auth_method", "login"))).isEqualTo(2);
        assertThat(scrape.sum("qbauth_logins_total", Map.of("auth_method", "login"))).isEqualTo(1);
        assertThat(scrape.sum(HTTP, Map.of("method", "POST", "uri", "/login.json", "status", "202",
                "outcome", "SUCCESS", "client_name", "jdk"))).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_a_failed_login_tagged_with_its_exception() {
        assertThat(operations("login", "failure", "InvalidCredentialsException")).isEqualTo(1);
        assertThat(scrape.sum(HTTP, Map.of("method", "POST", "uri", "/login.json", "status", "401",
                "outcome", "CLIENT_ERROR"))).isEqualTo(1);
    }

    @Test
    void a_session_the_server_dropped_is_recreated_and_the_call_replayed() {
        assertThat(scrape.sum(HTTP, Map.of("method", "GET", "uri", "/users/{id}.json", "status", "401")))
                .isEqualTo(1);
        assertThat(scrape.sum(HTTP, Map.of("method", "GET", "uri", "/users/{id}.json", "status", "200")))
                .isEqualTo(2);
        assertThat(scrape.sum("qbauth_session_invalidations_total", Map.of("outcome", "invalidated"))).isEqualTo(1);
        assertThat(scrape.sum("qbauth_session_expirations_total", Map.of("session_kind", "user"))).isEqualTo(1);
        assertThat(scrape.sum("qbauth_session_creations_total", Map.of("session_kind", "user", "auth_method",
                "login", "reason", "rejected_by_server", "result", "success"))).isEqualTo(1);
        assertThat(scrape.sum("qbauth_session_recreations_total", Map.of("session_kind", "user"))).isEqualTo(1);
        assertThat(scrape.sum("qbauth_reauth_replays_total", Map.of("method", "GET", "result", "replayed")))
                .isEqualTo(1);
        assertThat(operations("api_call", "success", "none")).isEqualTo(2);
    }

    @Test
    void concurrent_callers_without_a_session_share_one_creation() {
        double joins = scrape.sum("qbauth_session_flight_joins_total", Map.of("session_kind", "application"));

        assertThat(joins).isBetween(1.0, ScriptedJourney.CONCURRENT_CALLS - 1.0);
        assertThat(scrape.sum("qbauth_session_creations_total", Map.of("reason", "initial", "result", "success")))
                .isEqualTo(1);
        assertThat(operations("get_session", "success", "none")).isEqualTo(1 + ScriptedJourney.CONCURRENT_CALLS);
    }

    @Test
    void logout_destroy_and_adoption_are_counted() {
        assertThat(operations("logout", "success", "none")).isEqualTo(1);
        assertThat(scrape.sum("qbauth_logouts_total", Map.of())).isEqualTo(1);
        assertThat(operations("destroy_session", "success", "none")).isEqualTo(1);
        assertThat(scrape.sum("qbauth_session_destructions_total", Map.of("session_kind", "application")))
                .isEqualTo(1);
        assertThat(scrape.sum(OPERATIONS, Map.of("operation", "start_with_token", "session_kind", "application",
                "auth_method", "token", "outcome", "success"))).isEqualTo(1);
    }

    @Test
    void the_counts_agree_with_the_server() {
        EmulatorStats stats = emulator.stats(Emulators.APP_ID);

        assertThat(scrape.sum("qbauth_session_creations_total", Map.of("result", "success")))
                .isEqualTo(stats.sessionsCreated());
        assertThat(scrape.sum("qbauth_logins_total", Map.of())).isEqualTo(stats.logins());
        double droppedTokenCalls = scrape.sum(HTTP, Map.of("uri", "/users/{id}.json", "status", "401"));
        assertThat(scrape.sum(HTTP, Map.of()) - droppedTokenCalls)
                .as("every exchange but the one whose token the server no longer knew is the application's")
                .isEqualTo(stats.requests());
    }

    @Test
    void every_sample_of_a_meter_has_the_same_label_keys() {
        for (String name : scrape.names()) {
            assertThat(scrape.labelKeys(name)).as(name).hasSize(1);
        }
        assertThat(scrape.labelKeys(OPERATIONS)).containsExactly(
                Set.of("operation", "session_kind", "auth_method", "outcome", "exception"));
        assertThat(scrape.labelKeys(HTTP)).containsExactly(
                Set.of("method", "uri", "status", "outcome", "exception", "client_name"));
    }

    @Test
    void no_secret_login_token_user_id_or_raw_url_appears() {
        String text = scrape.text();
        assertThat(text).doesNotContain(Emulators.AUTH_KEY, Emulators.AUTH_SECRET, Emulators.ALICE,
                Emulators.ALICE_PASSWORD, emulator.baseUrl().getAuthority(), "?", "login=");
        assertThat(seen.tokens()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(token -> assertThat(text).doesNotContain(token));
        assertThat(scrape.samples()).allSatisfy(sample -> assertThat(sample.labels().values())
                .doesNotContain(Long.toString(seen.aliceId()))
                .allSatisfy(value -> assertThat(value).doesNotContain("/users/" + seen.aliceId())));
    }

    private double operations(String operation, String outcome, String exception) {
        return scrape.sum(OPERATIONS, Map.of("operation", operation, "outcome", outcome, "exception", exception));
    }
}
