package io.qbauth.testkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link AuthTransport} must meet. A transport module's test extends this class unchanged and
 * implements {@link #newTransport(TransportConfig)}; the tests run against a real HTTP server (the JDK's
 * {@code com.sun.net.httpserver}) on {@code 127.0.0.1} with a random port.
 *
 * <p>Checked: every status completes the stage normally; repeated header names travel both ways; body bytes are
 * exact both ways (binary, empty); method, path and query arrive unchanged; a slow reply fails with
 * {@link TransportException.Kind#TIMEOUT} within a bound; a refused connection fails with
 * {@link TransportException.Kind#CONNECT}; a reply over {@code maxResponseBytes} fails with
 * {@link TransportException.Kind#RESPONSE_TOO_LARGE}; 200 concurrent requests all succeed; the transport adds no
 * {@code QB-Token}; {@code close()} is idempotent.
 *
 * <p>Hostile replies, on a {@link HostileServer} that echoes a per-request id and a pool of one connection: interim
 * (1xx) replies before the final one are skipped, and the next call on the same connection gets its own reply; bytes
 * after the end of a reply (a whole stale reply, a body longer than its {@code Content-Length}) never reach another
 * call (and, while another call waits for the only connection, that connection serves no other request); a reply cut mid-body, a timeout mid-body, a call cancelled mid-body and an over-size reply leave the next call
 * its own reply, and the half-read connection is closed by the client, never reused.
 */
public abstract class AuthTransportContract {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] EMPTY = new byte[0];

    /** A request as the server received it. */
    protected record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {
    }

    /** How the test server answers. */
    @FunctionalInterface
    protected interface Reply {
        void answer(HttpExchange exchange, byte[] requestBody) throws IOException, InterruptedException;
    }

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<AuthTransport> opened = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlowReplies = new CountDownLatch(1);
    private volatile Reply reply = (exchange, body) -> respond(exchange, 200, Map.of(), EMPTY);
    private HttpServer server;
    private ExecutorService serverThreads;

    /** Creates the transport under test. Every transport created is closed after each test. */
    protected abstract AuthTransport newTransport(TransportConfig config);

    /** The config the tests use unless they change it: 2 s to connect, 10 s per request. */
    protected TransportConfig baseConfig() {
        return TransportConfig.builder().connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10))
                .build();
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
    void a_refused_connection_fails_with_connect() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        TransportRequest nowhere = new TransportRequest("GET", URI.create("http://127.0.0.1:" + closedPort + "/x.json"),
                Map.of(), EMPTY, Duration.ofSeconds(5));

        assertThat(sendFailing(open(baseConfig()), nowhere).kind()).isEqualTo(TransportException.Kind.CONNECT);
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
    void close_is_idempotent() {
        AuthTransport transport = newTransport(baseConfig());
        send(transport, request("GET", "/once.json", Map.of(), EMPTY));

        transport.close();
        transport.close();
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

    /** Sends a reply from the test server; an empty body is sent without one. */
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
        try {
            ApiResponse response = execute(transport, request).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a TransportException, got status " + response.status());
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(TransportException.class);
            return (TransportException) cause;
        } catch (Exception e) {
            return fail("the exchange should have failed with a TransportException", e);
        }
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
