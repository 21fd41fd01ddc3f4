package io.qbauth.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.Session;
import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.config.TransportConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * Replies no real server should send, from a raw-socket server: each becomes a typed error (or, for a harmless
 * oddity, a session with sane values) within the request timeout, never reading more than the reply limit, never
 * quoting the reply's token, on both transports.
 */
@Timeout(90)
class HostileRepliesE2eTest {

    private static final Duration TIMEOUT_BOUND = HostileSdk.REQUEST_TIMEOUT.plusSeconds(4);
    /** A client that stops at the 64 KiB limit lets through at most this much (socket buffers included). */
    private static final long DOWNLOAD_BOUND = 16L * 1024 * 1024;

    @TransportTest
    void an_endless_body_stops_at_the_reply_limit_whether_announced_or_chunked(TransportUnderTest transport)
            throws IOException {
        for (boolean chunked : new boolean[] {false, true}) {
            try (HostileServer server = new HostileServer(Replies.endless(chunked))) {
                AuthException failure = createSessionFails(transport, server);

                assertTransport(failure, Kind.RESPONSE_TOO_LARGE);
                assertThat(server.bytesWritten()).as("written before the client stopped, chunked=%s", chunked)
                        .isLessThan(DOWNLOAD_BOUND);
            }
        }
    }

    @TransportTest
    void a_reply_that_never_ends_times_out(TransportUnderTest transport) throws IOException {
        try (HostileServer server = new HostileServer(Replies.stall())) {
            AtomicReference<AuthException> failure = new AtomicReference<>();

            Duration took = Within.timed(() -> failure.set(createSessionFails(transport, server)));

            assertTransport(failure.get(), Kind.TIMEOUT);
            assertThat(took).isLessThan(TIMEOUT_BOUND);
        }
    }

    @TransportTest
    void broken_framing_is_a_transport_or_protocol_failure(TransportUnderTest transport) throws IOException {
        String session = Replies.sessionJson(Replies.TOKEN);
        List<String> replies = List.of(
                "HTTP/1.1 201 Created\r\nContent-Length: -5\r\n\r\n" + session,
                "HTTP/1.1 201 Created\r\nContent-Length: 99999999999999999999999\r\n\r\n" + session,
                "HTTP/1.1 201 Created\r\nContent-Length: abc\r\n\r\n" + session,
                "HTTP/1.1 201 Created\r\nContent-Length: 5000\r\n\r\n" + session,
                "HTTP/1.1 201 Created\r\nContent-Length: 20\r\nContent-Length: 30\r\n\r\n" + session,
                "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + session,
                "HTTP/1.1 abc Nope\r\nContent-Length: 2\r\n\r\n{}",
                "HTTP/9.9 201 Created\r\nContent-Length: 2\r\n\r\n{}",
                "garbage instead of a status line\r\n\r\n",
                "HTTP/1.1 201 Created\r\nNo-Colon-Header\r\nContent-Length: 2\r\n\r\n{}",
                "");
        for (String reply : replies) {
            try (HostileServer server = new HostileServer(Replies.raw(reply))) {
                AuthException failure = createSessionFails(transport, server);
                assertThat(failure).as("reply %s", abbreviate(reply))
                        .isInstanceOfAny(TransportException.class, ProtocolException.class);
                assertThat(failure.getMessage()).doesNotContain(Replies.TOKEN);
            }
        }
    }

    @TransportTest
    void a_content_length_shorter_than_the_body_cuts_the_json(TransportUnderTest transport) throws IOException {
        String session = Replies.sessionJson(Replies.TOKEN);
        try (HostileServer server = new HostileServer(Replies.raw("HTTP/1.1 201 Created\r\nContent-Length: 40\r\n"
                + "Connection: close\r\n\r\n" + session))) {
            assertThat(createSessionFails(transport, server)).isInstanceOf(ProtocolException.class);
        }
    }

    @TransportTest
    void hostile_json_is_a_protocol_failure_that_never_quotes_the_reply(TransportUnderTest transport)
            throws IOException {
        List<String> bodies = List.of(
                "[".repeat(30_000) + "]".repeat(30_000),
                "{\"session\":" + "{\"a\":".repeat(9_000) + "1" + "}".repeat(9_001),
                "{\"session\":{\"token\":\"" + Replies.TOKEN + "\",\"token\":\"" + Replies.TOKEN + "\"}}",
                "{\"session\":{\"token\":\"" + "t".repeat(5_000) + "\",\"user_id\":0}}",
                "{\"session\":{\"token\":\"has space " + Replies.TOKEN + "\",\"user_id\":0}}",
                "{\"session\":{\"token\":\"" + Replies.TOKEN + "\",\"user_id\":-3}}",
                "{\"session\":{\"token\":\"" + Replies.TOKEN + "\",\"user_id\":\"many\"}}",
                "{\"session\":{\"token\":\"" + Replies.TOKEN + "\",\"user_id\":1e999999}}",
                "{\"session\":{\"token\":" + "1".repeat(10_000) + "}}",
                "{\"session\":[\"" + Replies.TOKEN + "\"]}",
                "{\"session\":{\"token\":\"" + Replies.TOKEN + "\"}} trailing",
                "{\"session\":{\"token\":\"" + Replies.TOKEN + "\"",
                "null",
                "");
        for (String body : bodies) {
            try (HostileServer server = new HostileServer(Replies.json(201, body))) {
                AuthException failure = createSessionFails(transport, server);
                assertThat(failure).as("body %s", abbreviate(body)).isInstanceOf(ProtocolException.class);
                assertThat(failure.getMessage()).doesNotContain(Replies.TOKEN).hasSizeLessThan(1_000);
            }
        }
    }

    @TransportTest
    void invalid_utf8_in_the_json_is_a_protocol_failure(TransportUnderTest transport) throws IOException {
        byte[] prefix = "{\"session\":{\"token\":\"abc".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xff;
        body[prefix.length + 1] = (byte) 0xfe;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        try (HostileServer server = new HostileServer(Replies.body(201, "application/json", body))) {
            assertThat(createSessionFails(transport, server)).isInstanceOf(ProtocolException.class);
        }
    }

    @TransportTest
    void a_string_over_the_codecs_limit_is_a_protocol_failure_even_under_a_large_reply_limit(
            TransportUnderTest transport) throws IOException {
        String huge = "{\"session\":{\"token\":\"" + Replies.TOKEN + "\",\"custom\":\"" + "x".repeat(2 * 1024 * 1024)
                + "\"}}";
        TransportConfig large = HostileSdk.SMALL.toBuilder().maxResponseBytes(4 * 1024 * 1024).build();
        try (HostileServer server = new HostileServer(Replies.json(201, huge));
                HostileSdk sdk = HostileSdk.start(transport, server, large)) {
            AuthException failure = Within.failure(sdk.client().createApplicationSession());

            assertThat(failure).isInstanceOf(ProtocolException.class);
        }
    }

    @TransportTest
    void unreadable_expiry_headers_fall_back_to_the_default_lifetime(TransportUnderTest transport)
            throws IOException {
        List<String> expiries = List.of("9999-99-99 99:99:99 UTC", "-1", "2016-05-02 19:52:00 +99:99",
                "2016-05-02 19:52:00 Mars/Olympus", "yesterday", "2016-05-02T19:52:00Z", "\u00ff\u00fe",
                "99999999999-01-01 00:00:00 UTC", "x".repeat(4_000));
        for (String expiry : expiries) {
            try (HostileServer server = new HostileServer(Replies.session("QB-Token-ExpirationDate: " + expiry,
                    "Date: " + expiry))) {
                Instant before = Instant.now();
                Session session = createSession(transport, server);
                assertThat(session.expiresAt()).as("expiry header %s", abbreviate(expiry))
                        .isBetween(before.plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofMinutes(121)));
            }
        }
    }

    @TransportTest
    void a_megabyte_expiry_header_is_refused_or_ignored_never_trusted(TransportUnderTest transport)
            throws IOException {
        String megabyte = "2099-01-01 00:00:00 UTC" + " ".repeat(1024 * 1024);
        try (HostileServer server = new HostileServer(Replies.session("QB-Token-ExpirationDate: " + megabyte));
                HostileSdk sdk = HostileSdk.start(transport, server)) {
            Outcome outcome = Outcome.of(sdk.client().createApplicationSession());

            if (outcome.failure() != null) {
                assertThat(outcome.failure()).isInstanceOf(TransportException.class);
            } else {
                assertThat(outcome.session().expiresAt()).as("the header is either refused or parsed, never hung on")
                        .isAfter(Instant.now());
            }
        }
    }

    @TransportTest
    void a_header_bomb_is_refused_or_ignored(TransportUnderTest transport) throws IOException {
        String[] headers = new String[5_000];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = "X-Bomb-" + i + ": " + i;
        }
        try (HostileServer server = new HostileServer(Replies.session(headers));
                HostileSdk sdk = HostileSdk.start(transport, server)) {
            Outcome outcome = Outcome.of(sdk.client().createApplicationSession());

            if (outcome.failure() != null) {
                assertThat(outcome.failure()).isInstanceOf(TransportException.class);
            } else {
                assertThat(outcome.session().token().value()).isEqualTo(Replies.TOKEN);
            }
        }
    }

    @TransportTest
    void a_redirect_is_not_followed(TransportUnderTest transport) throws IOException {
        try (HostileServer server = new HostileServer(Replies.raw("HTTP/1.1 302 Found\r\nLocation: "
                + "http://127.0.0.1:1/steal\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))) {
            assertThat(createSessionFails(transport, server)).isInstanceOf(ProtocolException.class);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @TransportTest
    void non_json_error_replies_are_typed_by_status(TransportUnderTest transport) throws IOException {
        String page = "<html><body><h1>401</h1>" + Replies.TOKEN + "</body></html>";
        try (HostileServer server = new HostileServer(Replies.body(401, "text/html", page.getBytes(
                StandardCharsets.UTF_8)))) {
            AuthException failure = createSessionFails(transport, server, Credentials.login("mallory", "pw-xyz"));
            assertThat(failure).isInstanceOf(ProtocolException.class);
            assertThat(failure.status()).isEqualTo(401);
        }
        try (HostileServer server = new HostileServer(Replies.json(503, "{\"errors\":" + "[".repeat(10_000)))) {
            AuthException failure = createSessionFails(transport, server);
            assertThat(failure).isInstanceOf(ServerException.class);
            assertThat(failure.status()).isEqualTo(503);
        }
    }

    private static AuthException createSessionFails(TransportUnderTest transport, HostileServer server) {
        return createSessionFails(transport, server, null);
    }

    private static AuthException createSessionFails(TransportUnderTest transport, HostileServer server,
            Credentials user) {
        try (HostileSdk sdk = HostileSdk.start(transport, server)) {
            CompletionStage<Session> creation = user == null
                    ? sdk.client().createApplicationSession()
                    : sdk.client().createUserSession(user);
            return Within.failure(creation);
        }
    }

    private static Session createSession(TransportUnderTest transport, HostileServer server) {
        try (HostileSdk sdk = HostileSdk.start(transport, server)) {
            return Within.result(sdk.client().createApplicationSession());
        }
    }

    private static void assertTransport(AuthException failure, Kind kind) {
        assertThat(failure).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + " chars)" : text;
    }

    /** Either a session or a failure, within the bound. */
    private record Outcome(Session session, AuthException failure) {
        static Outcome of(CompletionStage<Session> stage) {
            Function<Throwable, Outcome> failed = error -> new Outcome(null, Within.failure(stage));
            try {
                return new Outcome(Within.result(stage), null);
            } catch (AssertionError notAResult) {
                return failed.apply(notAResult);
            }
        }
    }
}
