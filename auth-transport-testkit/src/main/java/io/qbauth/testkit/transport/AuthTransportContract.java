package io.qbauth.testkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link AuthTransport} must meet, the one home of every scenario the transports share. A
 * transport module's test extends this class and implements {@link #newTransport(TransportConfig)}; the tests run
 * against real servers on {@code 127.0.0.1} with a random port: the JDK's {@code com.sun.net.httpserver} for
 * well-formed exchanges, a {@link RawServer} or {@link HostileServer} for byte-level misbehaviour, a
 * {@link SelfSignedTlsServer} for TLS.
 *
 * <p>Checked, by group:
 * <ul>
 *   <li>The pool: never more than {@code maxConnections} connections, reused; a caller waiting for a free one
 *       times out within its own deadline and leaves the pool usable.</li>
 *   <li>Exchanges: every status completes the stage normally; repeated header names travel both ways; body bytes
 *       are exact both ways (binary, empty); method, path and query arrive unchanged; 200 concurrent requests all
 *       succeed; the transport adds no {@code QB-Token}; redirects are not followed; HTTP/1.1 without an
 *       {@code h2c} upgrade, and no {@code Content-Length} on a bodiless {@code GET}.</li>
 *   <li>What the client manages: {@code Host}, {@code Content-Length}, {@code Connection}, {@code Expect},
 *       {@code Upgrade} and {@code Transfer-Encoding} from the request are dropped and the request still arrives
 *       correct; the configured {@code User-Agent} is sent unless the request has one.</li>
 *   <li>Refused before sending (an {@link InvalidInputException}, nothing reaches the server): a header value with a
 *       line break (its value is never echoed), an invalid header name, a URI that is not {@code http}/{@code https}.</li>
 *   <li>Failures, each a {@link TransportException} of the right {@link TransportException.Kind} whose message names
 *       method and path but no query, header value or body: refused connection and unresolvable host
 *       ({@code CONNECT}); silent server, body stalled after the head, body trickling past the deadline
 *       ({@code TIMEOUT}, in bounded time, the connection closed); a connection closed or reset mid-body
 *       ({@code IO}); a reply over {@code maxResponseBytes}, announced or streamed ({@code RESPONSE_TOO_LARGE}, the
 *       rest never read, the connection closed). Replies without a body ({@code HEAD}, {@code 204}, {@code 304}) are
 *       empty whatever length they announce; a reply is never read past its {@code Content-Length}.</li>
 *   <li>Lifecycle: cancelling the stage closes the connection; an exchange in flight at {@code close()} fails instead
 *       of hanging; {@code close()} is idempotent and a call after it fails with {@code CONNECT} without reaching
 *       the server.</li>
 *   <li>Hostile replies, on a {@link HostileServer} that echoes a per-request id and a pool of one connection:
 *       interim (1xx) replies before the final one are skipped, and the next call on the same connection gets its own
 *       reply; bytes after the end of a reply (a whole stale reply, a body longer than its {@code Content-Length})
 *       never reach another call (and, while another call waits for the only connection, that connection serves no
 *       other request); a reply cut mid-body, a timeout mid-body, a call cancelled mid-body and an over-size reply
 *       leave the next call its own reply, and the half-read connection is closed by the client, never reused.</li>
 *   <li>TLS, against a certificate for {@code localhost} only: untrusted by default ({@code CONNECT}, "TLS handshake
 *       failed"); an application's {@code SSLContext} supplies the trust and the host name is still verified;
 *       {@code trustAll} skips both checks.</li>
 * </ul>
 *
 * <p>Where transports may differ in a detail, a small hook says which way this one goes
 * ({@link #namesTheRefusedHeader()}); the scenario itself stays here.
 */
@Timeout(60)
public abstract class AuthTransportContract {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] EMPTY = new byte[0];
    /** The {@code maxResponseBytes} of the size-limit scenarios. */
    private static final int LIMIT = 4096;
    private static final String SECRET_TOKEN = "tok-0f8d1e7bca91c5e2d4f6";
    private static final String SECRET_PASSWORD = "alicePass123";
    private static final String SECRET_QUERY = "query-secret-5c1d";

    /** The TLS server, started by the first TLS scenario of a test class and stopped after its last test. */
    private static SelfSignedTlsServer tlsServer;

    /**
     * A request as the test server received it.
     *
     * @param method  the request method
     * @param rawPath the path, still percent-encoded
     * @param rawQuery the query, still percent-encoded, or {@code null}
     * @param headers the request headers (names case-insensitive)
     * @param body    the request body, empty when there was none
     */
    protected record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {
    }

    /** How the test server answers. */
    @FunctionalInterface
    protected interface Reply {
        /**
         * Answers one exchange.
         *
         * @param exchange    the exchange to answer (its request body is already read)
         * @param requestBody the request body
         * @throws IOException          when the client went away
         * @throws InterruptedException when the test ends while the reply waits
         */
        void answer(HttpExchange exchange, byte[] requestBody) throws IOException, InterruptedException;
    }

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<AuthTransport> opened = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlowReplies = new CountDownLatch(1);
    private volatile Reply reply = (exchange, body) -> respond(exchange, 200, Map.of(), EMPTY);
    private HttpServer server;
    private ExecutorService serverThreads;

    /** For subclasses. */
    protected AuthTransportContract() {
    }

    /**
     * Creates the transport under test. Every transport created through the contract's tests is closed after each
     * test.
     *
     * @param config the configuration the scenario needs
     * @return a new, open transport
     */
    protected abstract AuthTransport newTransport(TransportConfig config);

    /**
     * The config the tests use unless they change it: 2 s to connect, 10 s per request.
     *
     * @return the base configuration of every scenario
     */
    protected TransportConfig baseConfig() {
        return TransportConfig.builder().connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The config of the TLS scenarios: the base one with 15 s to connect (15 s per request), because a JDK client counts the TLS handshake
     * in its connect timeout, and a first handshake on a loaded 2-core CI machine was seen to take over 2 s.
     */
    private TransportConfig tlsConfig() {
        return baseConfig().toBuilder().connectTimeout(Duration.ofSeconds(15)).requestTimeout(Duration.ofSeconds(15))
                .build();
    }

    /**
     * Whether the {@link InvalidInputException} for a header value this transport refuses names the header. Both
     * messages name method and path and never the value; a transport that knows which header it refused says so.
     *
     * @return {@code false} unless overridden
     */
    protected boolean namesTheRefusedHeader() {
        return false;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), caseInsensitive(exchange.getRequestHeaders()), body));
                reply.answer(exchange, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseSlowReplies.countDown();
        opened.forEach(AuthTransport::close);
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @AfterAll
    static void stopTlsServer() {
        if (tlsServer != null) {
            tlsServer.close();
            tlsServer = null;
        }
    }

    // ---- exchanges ----

    @Test
    void every_status_completes_normally_with_its_body() {
        AuthTransport transport = open(baseConfig());
        for (int status : new int[] {200, 201, 401, 422, 500}) {
            byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            reply = (exchange, requestBody) -> respond(exchange, status,
                    Map.of("Content-Type", List.of("application/json")), body);

            ApiResponse response = send(transport, request("GET", "/status.json", Map.of(), EMPTY));

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void repeated_header_names_travel_both_ways() {
        reply = (exchange, body) -> respond(exchange, 200,
                Map.of("X-Multi", List.of("one", "two"), "X-Single", List.of("v")), EMPTY);

        ApiResponse response = send(open(baseConfig()), request("GET", "/headers.json",
                Map.of("X-Multi", List.of("a", "b"), "X-Custom", List.of("value")), EMPTY));

        Received seen = received.remove();
        assertThat(values(seen.headers(), "x-multi")).containsExactly("a", "b");
        assertThat(values(seen.headers(), "X-CUSTOM")).containsExactly("value");
        assertThat(values(response.headers(), "X-Multi")).containsExactly("one", "two");
        assertThat(response.header("x-single")).contains("v");
    }

    @Test
    void body_bytes_are_exact_both_ways_binary_and_empty() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        reply = (exchange, body) -> respond(exchange, 200,
                Map.of("Content-Type", List.of("application/octet-stream")), body);
        AuthTransport transport = open(baseConfig());

        ApiResponse echoed = send(transport, request("POST", "/binary.json",
                Map.of("Content-Type", List.of("application/octet-stream")), binary));
        ApiResponse empty = send(transport, request("POST", "/empty.json", Map.of(), EMPTY));

        assertThat(received.remove().body()).isEqualTo(binary);
        assertThat(echoed.body()).isEqualTo(binary);
        assertThat(received.remove().body()).isEmpty();
        assertThat(empty.bodyLength()).isZero();
    }

    @Test
    void method_path_and_query_arrive_unchanged() {
        AuthTransport transport = open(baseConfig());
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            byte[] body = method.equals("GET") || method.equals("DELETE") ? EMPTY : "x=1".getBytes(StandardCharsets.UTF_8);

            send(transport, request(method, "/users/42.json?a=1&b=x%20y&c=%5Bz%5D", Map.of(), body));

            Received seen = received.remove();
            assertThat(seen.method()).isEqualTo(method);
            assertThat(seen.rawPath()).isEqualTo("/users/42.json");
            assertThat(seen.rawQuery()).isEqualTo("a=1&b=x%20y&c=%5Bz%5D");
        }
    }

    @Test
    void two_hundred_concurrent_requests_all_succeed() {
        reply = (exchange, body) -> respond(exchange, 200, Map.of(),
                exchange.getRequestURI().getRawPath().getBytes(StandardCharsets.UTF_8));
        AuthTransport transport = open(baseConfig());
        List<CompletableFuture<ApiResponse>> replies = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            replies.add(execute(transport, request("GET", "/items/" + i + ".json", Map.of(), EMPTY)));
        }

        for (int i = 0; i < replies.size(); i++) {
            ApiResponse response = replies.get(i).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("/items/" + i + ".json");
        }
    }

    @Test
    void the_transport_adds_no_session_token() {
        send(open(baseConfig()), request("GET", "/plain.json", Map.of("Accept", List.of("application/json")), EMPTY));

        assertThat(received.remove().headers()).doesNotContainKey("QB-Token");
    }

    @Test
    void redirects_are_not_followed() {
        reply = (exchange, body) -> respond(exchange, 302,
                Map.of("Location", List.of("http://127.0.0.1:1/elsewhere")), EMPTY);

        assertThat(send(open(baseConfig()), request("GET", "/session.json", Map.of(), EMPTY)).status())
                .isEqualTo(302);
        assertThat(received).hasSize(1);
    }

    @Test
    void requests_are_http_1_1_without_an_h2c_upgrade_and_a_get_carries_no_content_length() {
        send(open(baseConfig()), request("GET", "/session.json", Map.of(), EMPTY));

        Received seen = received.remove();
        assertThat(seen.headers()).doesNotContainKeys("HTTP2-Settings", "Upgrade");
        // some load balancers refuse a GET with "Content-Length: 0" (AWS's strictest desync mode)
        assertThat(seen.headers()).as("a GET without a body").doesNotContainKey("Content-Length");
    }

    // ---- the connection pool ----

    @Test
    void never_opens_more_than_max_connections_and_reuses_them() throws Exception {
        CountDownLatch twoArrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer keepAlive = keepAliveServer(twoArrived, release)) {
            AuthTransport transport = open(baseConfig().toBuilder().maxConnections(2).build());
            List<CompletableFuture<ApiResponse>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(execute(transport, new TransportRequest("GET", keepAlive.uri("/" + i + ".json"), Map.of(),
                        EMPTY, Duration.ofSeconds(10))));
            }
            assertThat(twoArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            release.countDown();
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(keepAlive.connections()).isEqualTo(2);
        }
    }

    @Test
    void a_caller_waiting_for_a_free_connection_times_out_within_its_deadline_and_the_pool_still_serves()
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer keepAlive = keepAliveServer(arrived, release)) {
            AuthTransport transport = open(baseConfig().toBuilder().maxConnections(1).build());
            CompletableFuture<ApiResponse> first = execute(transport, new TransportRequest("GET",
                    keepAlive.uri("/a.json"), Map.of(), EMPTY, Duration.ofSeconds(10)));
            assertThat(arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(sendFailing(transport, new TransportRequest("GET", keepAlive.uri("/b.json"), Map.of(), EMPTY,
                    Duration.ofMillis(300))).kind()).isEqualTo(TransportException.Kind.TIMEOUT);

            release.countDown();
            assertThat(await(first).status()).isEqualTo(200);
            assertThat(send(transport, new TransportRequest("GET", keepAlive.uri("/c.json"), Map.of(), EMPTY,
                    Duration.ofSeconds(5))).status()).as("the timed-out wait left the pool usable").isEqualTo(200);
        }
    }

    // ---- what the client manages ----

    @Test
    void client_managed_headers_are_dropped_and_the_request_still_arrives_correct() {
        byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of("Host", List.of("evil.example"), "Connection", List.of("close"),
                "Content-Length", List.of("999"), "Expect", List.of("100-continue"), "Upgrade", List.of("h2c"),
                "Transfer-Encoding", List.of("chunked"), "QB-Token", List.of(SECRET_TOKEN));

        ApiResponse response = send(open(baseConfig()), request("POST", "/users.json", headers, body));

        assertThat(response.status()).isEqualTo(200);
        Received seen = received.remove();
        assertThat(values(seen.headers(), "Host")).containsExactly("127.0.0.1:" + server.getAddress().getPort());
        assertThat(values(seen.headers(), "Content-Length")).containsExactly("3");
        assertThat(seen.headers()).doesNotContainKeys("Upgrade", "Expect", "Transfer-Encoding");
        assertThat(values(seen.headers(), "QB-Token")).containsExactly(SECRET_TOKEN);
        assertThat(seen.body()).isEqualTo(body);
    }

    @Test
    void the_configured_user_agent_is_sent_unless_the_request_has_one() {
        AuthTransport byDefault = open(baseConfig());
        AuthTransport configured = open(baseConfig().toBuilder().userAgent("qbauth-contract/1").build());

        send(byDefault, request("GET", "/ua.json", Map.of(), EMPTY));
        send(configured, request("GET", "/ua.json", Map.of(), EMPTY));
        send(configured, request("GET", "/ua.json", Map.of("user-agent", List.of("my-app/1.0")), EMPTY));

        assertThat(values(received.remove().headers(), "User-Agent")).containsExactly(
                TransportConfig.DEFAULT_USER_AGENT);
        assertThat(values(received.remove().headers(), "User-Agent")).containsExactly("qbauth-contract/1");
        assertThat(values(received.remove().headers(), "User-Agent")).containsExactly("my-app/1.0");
    }

    // ---- refused before sending ----

    @Test
    void a_header_value_with_a_line_break_is_refused_unsent_and_never_echoed() {
        TransportRequest bad = request("GET", "/session.json",
                Map.of("QB-Token", List.of(SECRET_TOKEN + "\r\nX-Injected: 1")), EMPTY);

        Throwable failure = sendRefused(open(baseConfig()), bad);

        assertThat(failure).hasMessageContaining("GET /session.json").hasMessageNotContaining(SECRET_TOKEN);
        if (namesTheRefusedHeader()) {
            assertThat(failure).hasMessageContaining("QB-Token");
        }
        assertThat(received).as("nothing reached the server").isEmpty();
    }

    @Test
    void an_invalid_header_name_and_a_uri_that_is_not_http_are_refused_unsent() {
        AuthTransport transport = open(baseConfig());

        sendRefused(transport, request("GET", "/x.json", Map.of("Bad Name", List.of("v")), EMPTY));
        sendRefused(transport, new TransportRequest("GET", URI.create("ftp://127.0.0.1/x.json"), Map.of(), EMPTY,
                Duration.ofSeconds(5)));

        assertThat(received).as("nothing reached the server").isEmpty();
    }

    // ---- failures ----

    @Test
    void a_refused_connection_fails_with_connect() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        expectCleanFailure(open(baseConfig()), secretBearing(URI.create("http://127.0.0.1:" + closedPort
                + "/session.json?token=" + SECRET_QUERY)), TransportException.Kind.CONNECT);
    }

    @Test
    void an_unresolvable_host_fails_with_connect() {
        expectCleanFailure(open(baseConfig()), secretBearing(
                URI.create("http://qbauth-no-such-host.invalid/session.json")), TransportException.Kind.CONNECT);
    }

    @Test
    void a_reply_slower_than_the_request_timeout_fails_with_timeout_in_bounded_time() {
        reply = (exchange, body) -> {
            releaseSlowReplies.await();
            respond(exchange, 200, Map.of(), EMPTY);
        };
        TransportRequest slow = new TransportRequest("GET", uri("/slow.json"), Map.of(), EMPTY,
                Duration.ofMillis(300));
        long start = System.nanoTime();

        TransportException failure = sendFailing(open(baseConfig()), slow);

        assertThat(failure.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_silent_server_times_out_not_before_the_deadline_and_its_connection_is_closed() throws Exception {
        try (RawServer silent = RawServer.silent(new CountDownLatch(1))) {
            long start = System.nanoTime();

            expectCleanFailure(open(baseConfig()), secretBearing(silent.uri("/session.json?token=" + SECRET_QUERY),
                    Duration.ofMillis(200)), TransportException.Kind.TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
                    Duration.ofSeconds(5));
            assertThat(silent.clientClosed().await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("connection closed on timeout").isTrue();
        }
    }

    @Test
    void a_body_stalled_after_the_head_times_out_in_bounded_time() throws Exception {
        try (RawServer stalled = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            releaseSlowReplies.await();
        })) {
            long start = System.nanoTime();

            expectCleanFailure(open(baseConfig()), secretBearing(stalled.uri("/session.json"), Duration.ofMillis(400)),
                    TransportException.Kind.TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_body_trickling_past_the_deadline_times_out_and_its_connection_is_closed() throws Exception {
        try (RawServer trickling = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            for (int i = 0; i < 1000; i++) {
                connection.write("x");
                Thread.sleep(20); // the server's pace, not a wait of the test
            }
        })) {
            expectCleanFailure(open(baseConfig()), secretBearing(trickling.uri("/slow.json"), Duration.ofMillis(300)),
                    TransportException.Kind.TIMEOUT);

            assertThat(trickling.clientClosed().await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("connection closed on timeout").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"closed", "reset"})
    void a_connection_closed_or_reset_mid_body_fails_with_io(String how) throws Exception {
        try (RawServer cut = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-part");
            if (how.equals("reset")) {
                connection.socket().setSoLinger(true, 0); // closing it sends a reset
            }
        })) {
            expectCleanFailure(open(baseConfig()), secretBearing(cut.uri("/cut.json")), TransportException.Kind.IO);
        }
    }

    @Test
    void a_reply_over_max_response_bytes_fails_and_one_at_the_limit_passes() {
        reply = (exchange, body) -> {
            int size = Integer.parseInt(exchange.getRequestURI().getRawQuery().substring("size=".length()));
            respond(exchange, 200, Map.of(), new byte[size]);
        };
        AuthTransport transport = open(baseConfig().toBuilder().maxResponseBytes(1024).build());

        assertThat(send(transport, request("GET", "/size.json?size=1024", Map.of(), EMPTY)).bodyLength())
                .isEqualTo(1024);
        assertThat(sendFailing(transport, request("GET", "/size.json?size=65536", Map.of(), EMPTY)).kind())
                .isEqualTo(TransportException.Kind.RESPONSE_TOO_LARGE);
    }

    @Test
    void a_reply_announcing_more_than_the_limit_fails_before_its_body_and_its_connection_is_closed()
            throws Exception {
        try (RawServer big = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
            connection.awaitClientClose();
        })) {
            TransportException failure = expectCleanFailure(open(limited()), secretBearing(big.uri("/big.json")),
                    TransportException.Kind.RESPONSE_TOO_LARGE);

            assertThat(failure).hasMessage("POST /big.json: reply body exceeds " + LIMIT + " bytes");
            assertThat(big.clientClosed().await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("connection closed").isTrue();
        }
    }

    @Test
    void an_endless_streamed_reply_fails_at_the_limit_and_is_not_drained() throws Exception {
        String chunk = Integer.toHexString(1000) + "\r\n" + "x".repeat(1000) + "\r\n";
        CountDownLatch writesFailed = new CountDownLatch(1);
        try (RawServer endless = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            try {
                while (true) { // never finishes the body: only the limit can end the exchange
                    connection.write(chunk);
                }
            } catch (IOException closedByClient) {
                writesFailed.countDown();
                throw closedByClient;
            }
        })) {
            expectCleanFailure(open(limited()), secretBearing(endless.uri("/endless.json")),
                    TransportException.Kind.RESPONSE_TOO_LARGE);

            assertThat(writesFailed.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the server's writes fail: connection closed").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HEAD 200", "GET 204", "GET 304"})
    void replies_without_a_body_are_empty_whatever_length_they_announce(String exchange) throws Exception {
        String method = exchange.substring(0, exchange.indexOf(' '));
        int status = Integer.parseInt(exchange.substring(exchange.indexOf(' ') + 1));
        String announced = String.valueOf(LIMIT * 10);
        // a 204 must not announce a length at all (RFC 9110 §8.6); the JDK's client fails one that does
        String length = status == 204 ? "" : "Content-Length: " + announced + "\r\n";
        try (RawServer bodiless = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 " + status + " Whatever\r\n" + length + "\r\n");
            connection.awaitClientClose();
        })) {
            ApiResponse response = send(open(limited()), new TransportRequest(method, bodiless.uri("/users/1.json"),
                    Map.of(), EMPTY, Duration.ofSeconds(5)));

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.bodyLength()).isZero();
            if (method.equals("HEAD")) {
                assertThat(response.header("Content-Length")).contains(announced);
            }
        }
    }

    @Test
    void a_reply_that_announces_a_length_is_never_read_past_it_even_if_it_claims_chunks_too() throws Exception {
        try (RawServer lying = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(1000);
            for (int i = 0; i < 3 * LIMIT / chunk.length(); i++) {
                connection.write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            releaseSlowReplies.await();
        })) {
            CompletableFuture<ApiResponse> stage = execute(open(limited()),
                    new TransportRequest("GET", lying.uri("/session.json"), Map.of(), EMPTY, Duration.ofSeconds(5)));

            assertThat(stage.handle((response, failure) -> response == null ? 0 : response.bodyLength())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS)).isLessThanOrEqualTo(10);
        }
    }

    // ---- lifecycle ----

    @Test
    void cancelling_the_stage_aborts_the_exchange_and_closes_its_connection() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        try (RawServer silent = RawServer.silent(requestArrived)) {
            CompletableFuture<ApiResponse> stage = execute(open(baseConfig()), new TransportRequest("GET",
                    silent.uri("/hang.json"), Map.of(), EMPTY, Duration.ofMinutes(1)));
            assertThat(requestArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            stage.cancel(true);

            assertThat(silent.clientClosed().await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("connection closed on cancel").isTrue();
        }
    }

    @Test
    void an_exchange_in_flight_at_close_fails_instead_of_hanging() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        try (RawServer silent = RawServer.silent(requestArrived)) {
            AuthTransport transport = open(baseConfig());
            CompletableFuture<ApiResponse> inFlight = execute(transport, new TransportRequest("GET",
                    silent.uri("/hang.json"), Map.of(), EMPTY, Duration.ofMinutes(1)));
            assertThat(requestArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            transport.close();

            assertThat(failureOf(inFlight)).isInstanceOfSatisfying(TransportException.class,
                    failure -> assertThat(failure.kind()).isEqualTo(TransportException.Kind.IO));
        }
    }

    @Test
    void close_is_idempotent_and_a_call_after_it_fails_with_connect_without_reaching_the_server()
            throws Exception {
        try (RawServer server = new RawServer(connection -> {
            while (true) {
                connection.readHead();
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            }
        })) {
            AuthTransport transport = newTransport(baseConfig());
            assertThat(send(transport, new TransportRequest("GET", server.uri("/once.json"), Map.of(), EMPTY,
                    Duration.ofSeconds(10))).status()).isEqualTo(200);
            int connectionsBefore = server.connections();

            transport.close();
            transport.close();

            TransportException failure = expectCleanFailure(transport, secretBearing(server.uri("/after.json")),
                    TransportException.Kind.CONNECT);
            assertThat(failure).hasMessageContaining("closed");
            assertThat(server.connections()).as("connections after close").isEqualTo(connectionsBefore);
        }
    }

    // ---- TLS ----

    @Test
    void tls_an_untrusted_certificate_fails_the_handshake_by_default() throws Exception {
        TransportException failure = sendFailing(open(tlsConfig()), tls("localhost"));

        assertThat(failure.kind()).isEqualTo(TransportException.Kind.CONNECT);
        assertThat(failure).hasMessage("GET /session.json: TLS handshake failed");
    }

    @Test
    void tls_the_applications_ssl_context_supplies_the_trust_and_the_host_name_is_still_verified()
            throws Exception {
        AuthTransport transport = open(tlsConfig().toBuilder().sslContext(tlsServer().trustingContext()).build());

        assertThat(send(transport, tls("localhost")).status()).isEqualTo(200);
        assertThat(sendFailing(transport, tls("127.0.0.1")).kind()).isEqualTo(TransportException.Kind.CONNECT);
    }

    @Test
    void tls_trust_all_skips_certificate_and_host_name_verification() throws Exception {
        AuthTransport transport = open(tlsConfig().toBuilder().trustAll(true).build());

        assertThat(send(transport, tls("127.0.0.1")).status()).isEqualTo(200);
    }

    // ---- hostile replies (issue 16): a 1xx is never final, a half-read connection is never reused ----

    @ParameterizedTest(name = "{0} before the final reply")
    @ValueSource(ints = {100, 102, 103, 199})
    void interim_replies_are_skipped_and_the_next_call_on_the_connection_gets_its_own_reply(int interim)
            throws Exception {
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write("HTTP/1.1 " + interim + " Interim\r\n"
                    + (interim == 103 ? "Link: </style.css>; rel=preload; as=style\r\n" : "") + "\r\n"
                    + HostileServer.reply(id));
            return true;
        })) {
            AuthTransport transport = open(oneConnection());

            ApiResponse first = send(transport, hostile(server, "first"));
            ApiResponse second = send(transport, hostile(server, "second"));

            assertThat(first.status()).isEqualTo(200);
            assertThat(text(first)).isEqualTo("first");
            assertThat(second.status()).isEqualTo(200);
            assertThat(text(second)).isEqualTo("second");
            assertThat(server.connections()).as("connections").isEqualTo(1);
            assertThat(server.requestsOn(1)).as("requests on the connection").isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a whole stale reply", "a body longer than announced"})
    void bytes_after_the_end_of_a_reply_never_reach_the_next_call(String extra)
            throws Exception {
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write(HostileServer.reply(id) + trailing(extra));
            return true;
        })) {
            AuthTransport transport = open(oneConnection());

            assertThat(text(send(transport, hostile(server, "first")))).isEqualTo("first");
            assertThat(text(send(transport, hostile(server, "second")))).isEqualTo("second");
            assertThat(text(send(transport, hostile(server, "third")))).isEqualTo("third");
            // whether that connection is then closed is each transport's own test: the JDK's HttpClient drops the
            // extra bytes that came with the reply and keeps the connection; the Vert.x transport closes it
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a whole stale reply", "a body longer than announced"})
    void bytes_after_the_end_of_a_reply_never_reach_a_call_waiting_for_the_connection(String extra)
            throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        try (HostileServer server = new HostileServer((connection, id) -> {
            secondStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            Thread.sleep(100); // lets the second call queue for this connection where the pool is one connection
            connection.write(HostileServer.reply(id) + trailing(extra));
            return true;
        })) {
            AuthTransport transport = open(oneConnection());

            CompletableFuture<ApiResponse> first = execute(transport, hostile(server, "first"));
            CompletableFuture<ApiResponse> second = execute(transport, hostile(server, "second"));
            secondStarted.countDown();

            assertThat(text(await(first))).isEqualTo("first");
            assertThat(text(await(second))).isEqualTo("second");
            // the second call may have waited for the first one's connection (one connection at most): whether it
            // then ran on it is each transport's own test, as above
        }
    }

    @Test
    void a_reply_cut_mid_body_fails_with_io_and_the_next_call_gets_its_own_reply() throws Exception {
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + id);
            return false;
        })) {
            AuthTransport transport = open(oneConnection());

            assertThat(sendFailing(transport, hostile(server, "first")).kind()).isEqualTo(TransportException.Kind.IO);
            assertThat(text(send(transport, hostile(server, "second")))).isEqualTo("second");
            assertThat(server.requestsOn(1)).isEqualTo(1);
        }
    }

    @Test
    void a_timeout_mid_body_closes_the_connection_and_the_next_call_gets_its_own_reply() throws Exception {
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + id);
            connection.awaitClientClose();
            return false;
        })) {
            AuthTransport transport = open(oneConnection());
            TransportRequest slow = new TransportRequest("GET", server.uri("first"), Map.of(), EMPTY,
                    Duration.ofMillis(300));

            assertThat(sendFailing(transport, slow).kind()).isEqualTo(TransportException.Kind.TIMEOUT);
            assertThat(text(send(transport, hostile(server, "second")))).isEqualTo("second");
            assertThat(server.awaitClosedByClient(1, WAIT.toSeconds())).as("the first connection closed").isTrue();
            assertThat(server.requestsOn(1)).isEqualTo(1);
        }
    }

    @Test
    void a_call_cancelled_mid_body_closes_the_connection_and_the_next_call_gets_its_own_reply() throws Exception {
        CountDownLatch bodyStarted = new CountDownLatch(1);
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + id);
            bodyStarted.countDown();
            connection.awaitClientClose();
            return false;
        })) {
            AuthTransport transport = open(oneConnection());

            CompletableFuture<ApiResponse> first = execute(transport, hostile(server, "first"));
            assertThat(bodyStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            first.cancel(true);

            assertThat(text(send(transport, hostile(server, "second")))).isEqualTo("second");
            assertThat(server.awaitClosedByClient(1, WAIT.toSeconds())).as("the first connection closed").isTrue();
            assertThat(server.requestsOn(1)).isEqualTo(1);
        }
    }

    @Test
    void an_oversize_reply_is_aborted_its_connection_closed_and_the_next_call_gets_its_own_reply()
            throws Exception {
        String chunk = Integer.toHexString(1024) + "\r\n" + "x".repeat(1024) + "\r\n";
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 16 * 1024; i++) { // 16 MB at most, then a proper end
                connection.write(chunk);
            }
            connection.write("0\r\n\r\n");
            return true;
        })) {
            AuthTransport transport = open(oneConnection().toBuilder().maxResponseBytes(4096).build());

            assertThat(sendFailing(transport, hostile(server, "first")).kind())
                    .isEqualTo(TransportException.Kind.RESPONSE_TOO_LARGE);
            assertThat(text(send(transport, hostile(server, "second")))).isEqualTo("second");
            assertThat(server.awaitClosedByClient(1, WAIT.toSeconds())).as("the first connection closed").isTrue();
            assertThat(server.requestsOn(1)).isEqualTo(1);
        }
    }

    /** Answers requests on each connection, one after another, once {@code release} is open. */
    private static RawServer keepAliveServer(CountDownLatch arrived, CountDownLatch release) throws IOException {
        return new RawServer(connection -> {
            while (true) {
                connection.readHead();
                arrived.countDown();
                release.await();
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
    }

    /** {@link #baseConfig()} with {@code maxResponseBytes} {@value #LIMIT}. */
    private TransportConfig limited() {
        return baseConfig().toBuilder().maxResponseBytes(LIMIT).build();
    }

    /** A GET to the TLS server, reached as {@code host}. */
    private static TransportRequest tls(String host) throws Exception {
        return new TransportRequest("GET", tlsServer().uri(host, "/session.json"), Map.of(), EMPTY,
                Duration.ofSeconds(15));
    }

    /** The TLS server of this test class, started on first use (JUnit runs one class's tests one at a time). */
    private static SelfSignedTlsServer tlsServer() throws Exception {
        if (tlsServer == null) {
            tlsServer = SelfSignedTlsServer.start();
        }
        return tlsServer;
    }

    /** A POST carrying a token header and a password body, to check neither leaks into failure messages. */
    private static TransportRequest secretBearing(URI uri) {
        return secretBearing(uri, Duration.ofSeconds(5));
    }

    private static TransportRequest secretBearing(URI uri, Duration timeout) {
        return new TransportRequest("POST", uri, Map.of("QB-Token", List.of(SECRET_TOKEN)),
                ("user[password]=" + SECRET_PASSWORD).getBytes(StandardCharsets.UTF_8), timeout);
    }

    /**
     * Fails with {@code kind} and status 0; the message starts with method and path and holds no header value,
     * query or body.
     */
    private static TransportException expectCleanFailure(AuthTransport transport, TransportRequest request,
                                                         TransportException.Kind kind) {
        TransportException failure = sendFailing(transport, request);
        assertThat(failure.kind()).as("kind of %s", failure).isEqualTo(kind);
        assertThat(failure.status()).isZero();
        assertThat(failure.getMessage()).startsWith(request.method() + " " + request.uri().getRawPath() + ": ")
                .doesNotContain(SECRET_TOKEN, SECRET_PASSWORD, SECRET_QUERY);
        return failure;
    }

    /** The request is refused with an {@link InvalidInputException}, through the stage. */
    private static Throwable sendRefused(AuthTransport transport, TransportRequest request) {
        Throwable failure = failureOf(execute(transport, request));
        assertThat(failure).isInstanceOf(InvalidInputException.class);
        return failure;
    }

    /** The failure the stage completes with, unwrapped; fails the test when it completes normally. */
    private static Throwable failureOf(CompletableFuture<ApiResponse> stage) {
        try {
            ApiResponse response = stage.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got status " + response.status());
        } catch (java.util.concurrent.ExecutionException e) {
            return TransportSupport.unwrap(e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            return fail("no outcome within " + WAIT, e);
        }
    }

    /** {@link #baseConfig()} with a pool of one connection, so a connection left half-read would be the next one's. */
    private TransportConfig oneConnection() {
        return baseConfig().toBuilder().maxConnections(1).build();
    }

    /** What a hostile server writes after the end of a reply. */
    private static String trailing(String extra) {
        return extra.startsWith("a whole") ? HostileServer.reply("stale") : "-and-more-body-than-Content-Length-said";
    }

    private static TransportRequest hostile(HostileServer server, String id) {
        return new TransportRequest("GET", server.uri(id), Map.of(), EMPTY, Duration.ofSeconds(10));
    }

    private static ApiResponse await(CompletableFuture<ApiResponse> reply) {
        try {
            return reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return fail("the exchange should have completed normally", e);
        }
    }

    private static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends a reply from the test server; an empty body is sent without one.
     *
     * @param exchange the exchange to answer
     * @param status   the status code
     * @param headers  the reply headers
     * @param body     the reply body
     * @throws IOException when the client went away
     */
    protected static void respond(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private AuthTransport open(TransportConfig config) {
        AuthTransport transport = newTransport(config);
        opened.add(transport);
        return transport;
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private TransportRequest request(String method, String pathAndQuery, Map<String, List<String>> headers,
                                     byte[] body) {
        return new TransportRequest(method, uri(pathAndQuery), headers, body, Duration.ofSeconds(10));
    }

    private static CompletableFuture<ApiResponse> execute(AuthTransport transport, TransportRequest request) {
        try {
            return transport.execute(request).toCompletableFuture();
        } catch (RuntimeException e) {
            return fail("execute must report failures through the stage, it threw " + e, e);
        }
    }

    private static ApiResponse send(AuthTransport transport, TransportRequest request) {
        try {
            return execute(transport, request).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return fail("the exchange should have completed normally", e);
        }
    }

    private static TransportException sendFailing(AuthTransport transport, TransportRequest request) {
        Throwable failure = failureOf(execute(transport, request));
        assertThat(failure).isInstanceOf(TransportException.class);
        return (TransportException) failure;
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return copy;
    }

    /** Header values with comma-joined repetitions split, so both ways of sending repeated names are accepted. */
    private static List<String> values(Map<String, List<String>> headers, String name) {
        Map<String, List<String>> lookup = caseInsensitive(headers);
        return lookup.getOrDefault(name, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .toList();
    }
}
