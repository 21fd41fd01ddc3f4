package io.qbauth.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A restart loses every session and nothing else; a clock jump expires sessions; open connections are counted. */
@Timeout(60)
class RestartAndClockTest {

    private static final String SESSION_GONE = "{\"errors\":{\"base\":[\"Required session does not exist\"]}}";

    private final QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
            .sessionTtl(Duration.ofMinutes(10))
            .timestampWindow(Duration.ofDays(2))
            .start();
    private final QbClient client = new QbClient(emu.baseUrl(), Clock.systemUTC());

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void a_restart_makes_every_token_unknown_and_keeps_users() {
        String appToken = client.appToken();
        String userToken = client.userToken(Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD);

        assertThat(emu.restart()).isEqualTo(2);

        assertThat(client.getSession(appToken).body()).isEqualTo(SESSION_GONE);
        assertThat(client.getSession(userToken).status()).isEqualTo(401);
        assertThat(emu.stats(Fixtures.APP_ID).liveSessions()).isZero();
        String again = client.userToken(Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD);
        assertThat(client.getSession(again).session().getLong("user_id")).isPositive();
    }

    @Test
    void restart_over_http() {
        String token = client.appToken();

        Reply restarted = client.http().post("/_emulator/restart", Http.JSON, "");

        assertThat(restarted.status()).isEqualTo(200);
        assertThat(restarted.json().getLong("sessions_dropped")).isEqualTo(1);
        assertThat(client.getSession(token).status()).isEqualTo(401);
    }

    @Test
    void a_clock_jump_past_the_ttl_expires_sessions() {
        String token = client.appToken();
        Instant before = Instant.now();

        Instant after = emu.jumpClock(Duration.ofMinutes(11));

        assertThat(after).isAfter(before.plus(Duration.ofMinutes(10)));
        assertThat(client.getSession(token).body()).isEqualTo(SESSION_GONE);
        emu.jumpClock(Duration.ofMinutes(-11));
        assertThat(client.getSession(token).status()).as("an expired session stays dead").isEqualTo(401);
    }

    @Test
    void clock_jump_over_http_moves_expiry_headers_and_dates() {
        String token = client.appToken();

        Reply jumped = client.http().post("/_emulator/clock", Http.JSON, "{\"advance_ms\":300000}");

        assertThat(jumped.status()).as(jumped.body()).isEqualTo(200);
        assertThat(jumped.json().getLong("offset_ms")).isEqualTo(300_000);
        Reply session = client.getSession(token);
        assertThat(session.status()).isEqualTo(200);
        Instant expiry = Instant.parse(session.header("QB-Token-ExpirationDate").replace(" UTC", "Z")
                .replace(' ', 'T'));
        assertThat(expiry).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(client.http().post("/_emulator/clock", Http.JSON, "{}").status()).isEqualTo(400);
    }

    @Test
    void a_jumped_clock_applies_to_an_injected_clock_too() {
        MutableClock clock = new MutableClock(Fixtures.PINNED);
        try (QbEmulator pinned = Fixtures.standard(QbEmulator.builder(), clock).sessionTtl(Duration.ofMinutes(1))
                .start()) {
            QbClient pinnedClient = new QbClient(pinned.baseUrl(), clock);
            String token = pinnedClient.appToken();
            pinned.jumpClock(Duration.ofSeconds(61));
            assertThat(pinnedClient.getSession(token).status()).isEqualTo(401);
        }
    }

    @Test
    void open_connections_are_counted_until_closed() throws IOException, InterruptedException {
        long idle = awaitValue(emu::openConnections, 0);
        assertThat(idle).isZero();
        try (Socket first = new Socket("127.0.0.1", emu.port()); Socket second = new Socket("127.0.0.1", emu.port())) {
            // a connection counts once it speaks HTTP: Vert.x sniffs the first bytes for HTTP/2 before that
            for (Socket socket : new Socket[] {first, second}) {
                socket.getOutputStream().write("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(awaitValue(emu::openConnections, 2)).isEqualTo(2);
            assertThat(client.http().get("/_emulator/stats").json().getLong("open_connections"))
                    .as("the two sockets and the HTTP client's own").isGreaterThanOrEqualTo(3);
        }
        assertThat(awaitValue(emu::openConnections, 1)).as("only the HTTP client's pooled connection")
                .isLessThanOrEqualTo(1);
    }

    /** Polls until {@code value} reads {@code expected} (or 5 s pass) and returns the last reading. */
    private static long awaitValue(LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long seen = value.getAsLong();
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seen = value.getAsLong();
        }
        return seen;
    }
}
