package io.qbauth.emulator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.RawConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 12: half-sent request heads used to hold connections for ever (file descriptors ran out, new clients
 * timed out) and were not counted. Now every connection counts from accept, one that has not sent a whole request
 * head within the header timeout is closed, a silent one after the idle timeout, and beyond the cap new connections
 * are closed at once.
 */
@Timeout(60)
class ConnectionLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String HALF_HEAD = "GET /session.json HTTP/1.1\r\nHost: 127.0.0.1\r\nQB-To";

    @Test
    void half_sent_heads_and_silent_connections_count_from_accept_and_are_closed_after_the_header_timeout()
            throws Exception {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
                .headerTimeout(Duration.ofMillis(800))
                .start()) {
            List<RawConnection> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 150; i++) {
                    RawConnection connection = new RawConnection(emu.port());
                    if (i % 3 != 0) {
                        connection.send(i % 3 == 1 ? HALF_HEAD : "P");   // "P": could still be an HTTP/2 preface
                    }
                    slow.add(connection);
                }
                assertThat(awaitValue(emu::openConnections, 150)).as("silent ones included").isEqualTo(150);

                for (RawConnection connection : slow) {
                    assertThat(connection.awaitClose(BOUND)).as("closed by the header timeout").isTrue();
                    assertThat(connection.received()).as("a half-sent request gets no reply").isEmpty();
                }
                assertThat(awaitValue(emu::openConnections, 0)).isZero();
            } finally {
                for (RawConnection connection : slow) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void beyond_the_cap_new_connections_are_closed_at_once_and_clients_are_served_when_the_slow_ones_are_gone()
            throws Exception {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
                .maxConnections(20)
                .headerTimeout(Duration.ofSeconds(2))
                .start()) {
            List<RawConnection> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    slow.add(new RawConnection(emu.port()).send(HALF_HEAD));
                }
                assertThat(awaitValue(emu::openConnections, 20)).isEqualTo(20);

                try (RawConnection extra = new RawConnection(emu.port())) {
                    extra.send("GET /_emulator/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    long start = System.nanoTime();
                    assertThat(extra.awaitClose(BOUND)).as("closed at accept").isTrue();
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("promptly, not by a timeout")
                            .isLessThan(Duration.ofMillis(1500));
                    assertThat(extra.received()).isEmpty();
                }
                for (RawConnection connection : slow) {
                    assertThat(connection.awaitClose(BOUND)).isTrue();
                }
                var stats = new Http(emu.baseUrl()).get("/_emulator/stats");
                assertThat(stats.status()).as("a normal client is served again").isEqualTo(200);
                assertThat(stats.json().getLong("connections_refused")).isGreaterThanOrEqualTo(1);
                assertThat(stats.json().getLong("max_connections")).isEqualTo(20);
            } finally {
                for (RawConnection connection : slow) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void a_connection_silent_for_the_idle_timeout_is_closed_after_its_reply() throws IOException {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
                .idleTimeout(Duration.ofMillis(500))
                .start();
                RawConnection connection = new RawConnection(emu.port())) {
            connection.send("GET /_emulator/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(connection.awaitText("\"apps\"", BOUND)).startsWith("HTTP/1.1 200");

            assertThat(connection.awaitClose(BOUND)).as("kept alive, then idle").isTrue();
        }
    }

    @Test
    void the_stats_count_connections_that_have_not_sent_a_byte() throws Exception {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC()).start();
                RawConnection first = new RawConnection(emu.port());
                RawConnection second = new RawConnection(emu.port())) {
            assertThat(awaitValue(emu::openConnections, 2)).isEqualTo(2);
            assertThat(new Http(emu.baseUrl()).get("/_emulator/stats").json().getLong("open_connections"))
                    .as("the two silent sockets and the HTTP client's own").isGreaterThanOrEqualTo(3);
        }
    }

    /** Polls until {@code value} reads {@code expected} (or 10 s pass) and returns the last reading. */
    static long awaitValue(LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        long seen = value.getAsLong();
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seen = value.getAsLong();
        }
        return seen;
    }
}
