package io.qbauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded API: builder validation, lifecycle, and state kept per application. */
class QbEmulatorTest {

    private final MutableClock clock = new MutableClock(Fixtures.PINNED);

    @Test
    void starts_on_a_random_loopback_port_and_stops_on_close() {
        QbEmulator emulator = Fixtures.standard(QbEmulator.builder(), clock).start();
        int port = emulator.port();

        assertThat(port).isPositive();
        assertThat(emulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(new QbClient(emulator.baseUrl(), clock).createSession().status()).isEqualTo(201);

        emulator.close();
        emulator.close();
        assertThat(canConnect(port)).as("closed").isFalse();
    }

    @Test
    void keeps_users_sessions_and_counters_per_application() {
        EmulatorApp other = EmulatorApp.of(54321L, "otherKey", "otherSecret");
        try (QbEmulator emulator = Fixtures.standard(QbEmulator.builder(), clock).app(other)
                .user(54321L, Fixtures.ALICE_LOGIN, "differentPass1").start()) {
            QbClient client = new QbClient(emulator.baseUrl(), clock);
            Map<String, String> params = client.sessionParams("user[login]", Fixtures.ALICE_LOGIN,
                    "user[password]", "differentPass1");
            params.put("application_id", "54321");
            params.put("auth_key", "otherKey");

            Reply otherApp = client.postSigned(params, "otherSecret");
            Reply wrongAppPassword = client.createSession("user[login]", Fixtures.ALICE_LOGIN,
                    "user[password]", "differentPass1");

            assertThat(otherApp.status()).isEqualTo(201);
            assertThat(otherApp.session().getLong("application_id")).isEqualTo(54321L);
            assertThat(wrongAppPassword.status()).isEqualTo(401);
            assertThat(emulator.stats(54321L).sessionsCreated()).isEqualTo(1);
            assertThat(emulator.stats(Fixtures.APP_ID).sessionsCreated()).isZero();
        }
    }

    @Test
    void rejects_invalid_settings() {
        assertThatThrownBy(() -> QbEmulator.builder().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one application");
        assertThatThrownBy(() -> QbEmulator.builder().app(Fixtures.app()).app(Fixtures.app()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configured twice");
        assertThatThrownBy(() -> QbEmulator.builder().app(Fixtures.app()).user(1L, "a", "b").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown application 1");
        assertThatThrownBy(() -> QbEmulator.builder().app(Fixtures.app()).sessionTtl(Duration.ZERO).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QbEmulator.builder().app(Fixtures.app()).port(70_000).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QbEmulator.builder().app(Fixtures.app()).passwordHashIterations(0).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorApp.of(0, "k", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorApp.of(1, " ", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QbEmulator.builder().app(Fixtures.app())
                .user(Fixtures.APP_ID, "twin", "pass12345").user(Fixtures.APP_ID, "TWIN", "pass12345").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[login]");
    }

    @Test
    void a_taken_port_is_a_clear_start_failure() {
        try (QbEmulator first = Fixtures.standard(QbEmulator.builder(), clock).start()) {
            assertThatThrownBy(() -> Fixtures.standard(QbEmulator.builder(), clock).port(first.port()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void stats_of_an_unknown_application_is_an_error() {
        try (QbEmulator emulator = Fixtures.standard(QbEmulator.builder(), clock).start()) {
            assertThatThrownBy(() -> emulator.stats(1L)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void secrets_stay_out_of_to_string() {
        EmulatorApp app = Fixtures.app();

        assertThat(app.toString()).contains("12345").doesNotContain(Fixtures.AUTH_SECRET)
                .doesNotContain(Fixtures.API_KEY);
        assertThat(app.apiKey()).contains(Fixtures.API_KEY);
        assertThat(app).isEqualTo(Fixtures.app()).hasSameHashCodeAs(Fixtures.app());
    }

    private static boolean canConnect(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
