package io.qbauth.emulator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.RawConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 14, over raw sockets: a request with both {@code Content-Length} and chunked
 * {@code Transfer-Encoding} was processed and a request smuggled behind it answered; after a 413 the server kept
 * draining the body; an oversize chunked form got 400 instead of 413.
 */
@Timeout(60)
class RequestFramingTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final String SMUGGLED = "GET /_emulator/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private final QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
            .maxBodyBytes(1024)
            .start();

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void content_length_with_chunked_transfer_encoding_is_400_and_the_smuggled_request_is_never_answered()
            throws IOException {
        String[] heads = {
            "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
            "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
            "Content-Length:0\r\nTransfer-Encoding: chunked\r\n",
        };
        for (String framing : heads) {
            try (RawConnection connection = new RawConnection(emu.port())) {
                connection.send("POST /session.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n" + framing + "\r\n0\r\n\r\n" + SMUGGLED);

                assertThat(connection.awaitClose(BOUND)).as(framing + ": the connection is closed").isTrue();
                assertThat(statuses(connection.received())).as(framing).containsExactly("400");
                // the 400 comes from the emulator's own check, or (Vert.x 5.1+) from the HTTP decoder before it:
                // either way a QuickBlox error envelope, and nothing behind it is read as a request
                assertThat(connection.received()).contains("{\"errors\":[");
            }
        }
    }

    @Test
    void a_transfer_coding_other_than_chunked_is_400_and_closes() throws IOException {
        try (RawConnection connection = new RawConnection(emu.port())) {
            connection.send("POST /session.json HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n"
                    + "\r\n0\r\n\r\n" + SMUGGLED);

            assertThat(connection.awaitClose(BOUND)).isTrue();
            assertThat(statuses(connection.received())).containsExactly("400");
        }
    }

    @Test
    void a_plain_chunked_request_is_served_then_its_connection_is_closed() throws IOException {
        String body = "application_id=12345";
        try (RawConnection connection = new RawConnection(emu.port())) {
            connection.send("POST /session.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n" + SMUGGLED);

            assertThat(connection.awaitClose(BOUND)).isTrue();
            assertThat(statuses(connection.received())).as("answered (the signature is missing), nothing behind it")
                    .containsExactly("422");
            assertThat(connection.received().toLowerCase()).contains("connection: close");
        }
    }

    @Test
    void a_body_announced_over_the_limit_gets_413_and_the_connection_closes_instead_of_draining()
            throws IOException {
        try (RawConnection connection = new RawConnection(emu.port())) {
            connection.send("POST /users.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 22000000000\r\n\r\n"
                    + "user[login]=");

            assertThat(connection.awaitClose(BOUND)).as("closed, not waiting for 22 GB").isTrue();
            assertThat(statuses(connection.received())).containsExactly("413");
            assertThat(connection.received()).contains("Request Entity Too Large");
        }
    }

    @Test
    void an_oversize_chunked_form_gets_the_documented_413_and_the_connection_closes() throws IOException {
        try (QbEmulator defaults = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC()).start();
                RawConnection connection = new RawConnection(defaults.port())) {
            StringBuilder request = new StringBuilder("POST /users.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
            String first = "user[login]=" + "a".repeat(8192 - 12);
            request.append("2000\r\n").append(first).append("\r\n");
            for (int i = 1; i < 8; i++) {
                request.append("2000\r\n").append("a".repeat(8192)).append("\r\n");
            }
            request.append("1\r\na\r\n");       // byte 65 537: one over the default limit, and nothing after it
            connection.send(request.toString());

            assertThat(connection.awaitClose(BOUND)).isTrue();
            assertThat(statuses(connection.received())).containsExactly("413");
        }
    }

    @Test
    void a_malformed_chunk_size_closes_the_connection_without_a_warning() throws IOException {
        java.util.List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.qbauth.emulator");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (RawConnection connection = new RawConnection(emu.port())) {
            connection.send("POST /users.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nuser[\r\nzz\r\nlogin\r\n0\r\n\r\n");

            assertThat(connection.awaitClose(BOUND)).isTrue();
            assertThat(statuses(connection.received())).as("400, or closed at once by Vert.x").isSubsetOf("400");
            assertThat(warnings).as("the client's fault: DEBUG only").isEmpty();
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static java.util.List<String> statuses(String received) {
        Matcher matcher = STATUS_LINE.matcher(received);
        java.util.List<String> statuses = new java.util.ArrayList<>();
        while (matcher.find()) {
            statuses.add(matcher.group(1));
        }
        return statuses;
    }
}
