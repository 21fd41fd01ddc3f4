package io.qbauth.emulator.hardening;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 16: sessions were kept without bound (about 310 B each). Now an application holds at most its limit
 * of live sessions (429 beyond it), expired ones are swept on the emulator's own timer by its clock, and the figures
 * are in the stats and the metrics.
 */
@Timeout(60)
class SessionLimitTest {

    private static final String TOO_MANY = "{\"errors\":{\"base\":[\"Too many sessions for this application\"]}}";

    @Test
    void beyond_the_limit_a_session_creation_is_429_and_counted_until_a_session_is_deleted() {
        MutableClock clock = new MutableClock(Fixtures.PINNED);
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock).maxSessionsPerApp(3).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tokens.add(client.appToken());
            }

            assertJsonReply(client.createSession(), 429, TOO_MANY);
            assertJsonReply(client.createSession("user[login]", Fixtures.ALICE_LOGIN, "user[password]",
                    Fixtures.ALICE_PASSWORD), 429, TOO_MANY);

            JsonObject stats = client.http().get("/_emulator/stats").json().getJsonObject("apps")
                    .getJsonObject(Long.toString(Fixtures.APP_ID));
            assertThat(stats.getLong("live_sessions")).isEqualTo(3);
            assertThat(stats.getLong("max_sessions")).isEqualTo(3);
            assertThat(stats.getLong("sessions_refused")).isEqualTo(2);
            assertThat(emu.stats(Fixtures.APP_ID).sessionsRefused()).isEqualTo(2);
            assertThat(client.http().get("/_emulator/metrics").body())
                    .contains("qbemulator_sessions_refused_total{application_id=\"12345\"} 2")
                    .contains("qbemulator_max_sessions{application_id=\"12345\"} 3")
                    .contains("qbemulator_live_sessions{application_id=\"12345\"} 3");

            assertThat(client.deleteSession(tokens.get(0)).status()).isEqualTo(200);
            assertThat(client.createSession().status()).isEqualTo(201);
            assertThat(emu.restart()).isEqualTo(3);
            assertThat(client.createSession().status()).isEqualTo(201);
        }
    }

    @Test
    void expired_sessions_are_swept_on_the_emulators_timer_by_its_clock_and_make_room() throws Exception {
        MutableClock clock = new MutableClock(Fixtures.PINNED);
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock).maxSessionsPerApp(2)
                .sessionTtl(Duration.ofMinutes(1)).timestampWindow(Duration.ofDays(1)).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            client.appToken();
            client.appToken();
            assertThat(client.createSession().status()).isEqualTo(429);

            clock.advance(Duration.ofMinutes(2));      // nothing looks the two sessions up: only the sweep can drop them

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status = client.createSession().status();
            while (status != 201 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                status = client.createSession().status();
            }
            assertThat(status).as("room again once the sweep ran").isEqualTo(201);
            assertThat(new Http(emu.baseUrl()).get("/_emulator/stats").json().getJsonObject("apps")
                    .getJsonObject("12345").getLong("live_sessions")).isEqualTo(1);
        }
    }
}
