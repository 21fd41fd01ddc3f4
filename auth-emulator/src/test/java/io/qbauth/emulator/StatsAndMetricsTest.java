package io.qbauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-application counters from Java and over HTTP, and the Prometheus exposition. */
class StatsAndMetricsTest {

    private final MutableClock clock = new MutableClock(Fixtures.PINNED);
    private QbEmulator emulator;
    private QbClient client;

    @BeforeEach
    void start() {
        emulator = Fixtures.standard(QbEmulator.builder(), clock).start();
        client = new QbClient(emulator.baseUrl(), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void counts_sessions_by_kind_and_method_logins_signups_and_rejections() {
        String app = client.appToken();
        client.userToken(Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD);
        client.createSession("user[email]", Fixtures.ALICE_EMAIL, "user[password]", Fixtures.ALICE_PASSWORD);
        client.login(app, "login=alice_qb&password=alicePass123");
        client.signUpUser(app, "stats_user", "statsPass1");
        client.createSession("user[login]", "alice_qb", "user[password]", "WRONGpass999");
        client.http().post("/session.json", "application/x-www-form-urlencoded",
                "application_id=12345&auth_key=x&nonce=1&timestamp=1&signature=" + "0".repeat(40));

        EmulatorStats stats = emulator.stats(Fixtures.APP_ID);

        assertThat(stats.applicationId()).isEqualTo(Fixtures.APP_ID);
        assertThat(stats.sessionsCreated()).isEqualTo(3);
        assertThat(stats.sessionsCreatedByKind()).containsExactly(Map.entry("application", 1L), Map.entry("user", 2L));
        assertThat(stats.sessionsCreatedByMethod()).containsEntry("app", 1L).containsEntry("login", 1L)
                .containsEntry("email", 1L).containsEntry("facebook", 0L).containsEntry("firebase_phone", 0L)
                .containsEntry("custom", 0L).containsEntry("api_key", 0L);
        assertThat(stats.logins()).isEqualTo(1);
        assertThat(stats.signupsCreated()).isEqualTo(1);
        assertThat(stats.rejectedSignatures()).isEqualTo(1);
        assertThat(stats.liveSessions()).isEqualTo(3);
        assertThat(stats.requests()).isEqualTo(7);
    }

    @Test
    void stats_over_http_mirror_the_java_snapshot() {
        client.appToken();

        Reply reply = client.http().get("/_emulator/stats");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject app = reply.json().getJsonObject("apps").getJsonObject("12345");
        assertThat(app.getLong("sessions_created")).isEqualTo(1L);
        assertThat(app.getJsonObject("sessions_created_by_kind").getLong("application")).isEqualTo(1L);
        assertThat(app.getJsonObject("sessions_created_by_method").getLong("app")).isEqualTo(1L);
        assertThat(app.getLong("live_sessions")).isEqualTo(1L);
        assertThat(app.fieldNames()).contains("logins", "signups_created", "rejected_signatures", "requests");
    }

    @Test
    void metrics_are_in_prometheus_text_format() {
        client.appToken();
        client.http().get("/nowhere");

        Reply reply = client.http().get("/_emulator/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(reply.body())
                .contains("# TYPE qbemulator_sessions_created_total counter\n")
                .contains("qbemulator_sessions_created_total{application_id=\"12345\",kind=\"application\","
                        + "method=\"app\"} 1\n")
                .contains("qbemulator_sessions_created_total{application_id=\"12345\",kind=\"user\","
                        + "method=\"login\"} 0\n")
                .contains("# TYPE qbemulator_live_sessions gauge\nqbemulator_live_sessions{application_id=\"12345\"} 1\n")
                .contains("qbemulator_http_responses_total{code=\"201\"} 1\n")
                .contains("qbemulator_http_responses_total{code=\"404\"} 1\n");
    }

    @Test
    void reset_zeroes_counters_but_keeps_live_sessions() {
        client.appToken();

        emulator.resetStats();

        EmulatorStats stats = emulator.stats(Fixtures.APP_ID);
        assertThat(stats.sessionsCreated()).isZero();
        assertThat(stats.requests()).isZero();
        assertThat(stats.liveSessions()).isEqualTo(1);
        client.appToken();
        assertThat(client.http().delete("/_emulator/stats").status()).isEqualTo(200);
        assertThat(emulator.stats(Fixtures.APP_ID).sessionsCreated()).isZero();
    }
}
