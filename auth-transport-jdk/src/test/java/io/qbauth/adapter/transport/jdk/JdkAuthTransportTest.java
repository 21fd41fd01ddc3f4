package io.qbauth.adapter.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.spi.CallerThread;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the JDK transport promises beyond {@link JdkAuthTransportContractTest}: client ownership, header filtering,
 * streaming size limits, whole-exchange timeouts, cancellation, and failure messages free of secrets.
 */
@Timeout(30)
class JdkAuthTransportTest {

    private static final String SECRET_TOKEN = "tok-0f8d1e7bca91c5e2d4f6";
    private static final String SECRET_PASSWORD = "alicePass123";
    private static final int LIMIT = 4096;

    private final JdkAuthTransport transport = JdkAuthTransport.create(
            TransportConfig.builder().maxResponseBytes(LIMIT).connectTimeout(Duration.ofSeconds(2)).build());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        transport.close();
    }

    @Test
    void drops_the_headers_the_jdk_manages_and_sends_a_default_user_agent() throws Exception {
        try (StubServer server = StubServer.replying(200, new byte[0])) {
            Map<String, List<String>> headers = Map.of("Host", List.of("evil.example"), "Connection",
                    List.of("close"), "Content-Length", List.of("999"), "Expect", List.of("100-continue"),
                    "Upgrade", List.of("h2c"), "Transfer-Encoding", List.of("chunked"), "QB-Token",
                    List.of(SECRET_TOKEN));

            ApiResponse response = send(new TransportRequest("POST", server.uri("/users.json"), headers,
                    "a=1".getBytes(UTF_8), Duration.ofSeconds(5)));

            assertThat(response.status()).isEqualTo(200);
            StubServer.Received received = server.nextRequest();
            assertThat(received.headers().getFirst("Host")).startsWith("127.0.0.1:");
            assertThat(received.headers().getFirst("Content-Length")).isEqualTo("3");
            assertThat(received.headers().getFirst("Upgrade")).isNull();
            assertThat(received.headers().getFirst("Expect")).isNull();
            assertThat(received.headers().getFirst("User-Agent")).isEqualTo(TransportConfig.DEFAULT_USER_AGENT);
            assertThat(received.headers().getFirst("QB-Token")).isEqualTo(SECRET_TOKEN);
            assertThat(received.body()).asString(UTF_8).isEqualTo("a=1");
        }
    }

    @Test
    void keeps_a_user_agent_given_by_the_request() throws Exception {
        try (StubServer server = StubServer.replying(200, new byte[0])) {
            send(request("GET", server.uri("/session.json"), Map.of("user-agent", List.of("my-app/1.0"))));

            assertThat(server.nextRequest().headers().get("User-Agent")).containsExactly("my-app/1.0");
        }
    }

    @Test
    void sends_http_1_1_without_an_h2c_upgrade() throws Exception {
        try (StubServer server = StubServer.replying(200, new byte[0])) {
            send(request("GET", server.uri("/session.json"), Map.of()));

            StubServer.Received received = server.nextRequest();
            assertThat(received.headers().containsKey("HTTP2-Settings")).isFalse();
            assertThat(received.headers().containsKey("Content-Length")).as("a GET without a body").isFalse();
        }
    }

    @Test
    void does_not_follow_redirects() throws Exception {
        try (StubServer server = new StubServer(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
        })) {
            assertThat(send(request("GET", server.uri("/session.json"), Map.of())).status()).isEqualTo(302);
        }
    }

    @Test
    void refuses_a_header_value_the_jdk_cannot_send_without_quoting_it() {
        TransportRequest bad = request("GET", URI.create("http://127.0.0.1:1/session.json"),
                Map.of("QB-Token", List.of(SECRET_TOKEN + "\r\nX-Injected: 1")));

        assertThatThrownBy(() -> send(bad))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("GET /session.json")
                .hasMessageNotContaining(SECRET_TOKEN);
    }

    @Test
    void reports_a_refused_connection_as_connect() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/session.json?token="
                    + SECRET_TOKEN);
        }

        expectFailure(secretBearing(closedPort), TransportException.Kind.CONNECT);
    }

    @Test
    void times_out_on_a_body_that_stalls_after_the_head() throws Exception {
        try (RawServer server = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            release.await();
        })) {
            long start = System.nanoTime();
            expectFailure(secretBearing(server.uri("/session.json"), Duration.ofMillis(400)),
                    TransportException.Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void the_stages_dependents_never_run_with_an_interrupt_meant_for_the_exchange() throws Exception {
        try (StubServer ok = StubServer.replying(200, "{}".getBytes(UTF_8));
             RawServer stalled = RawServer.afterHead(connection -> {
                 connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
                 release.await();
             })) {
            for (TransportRequest request : List.of(request("GET", ok.uri("/session.json"), Map.of()),
                    new TransportRequest("GET", stalled.uri("/session.json"), Map.of(), null, Duration.ofMillis(200)))) {
                CompletableFuture<Boolean> interrupted = transport.execute(request).toCompletableFuture()
                        .handle((response, failure) -> Thread.currentThread().isInterrupted());

                assertThat(interrupted.get(20, TimeUnit.SECONDS)).as(request.describe()).isFalse();
            }
        }
    }

    @Test
    void an_exchange_on_a_lent_caller_thread_runs_there_and_is_done_on_return() throws Exception {
        try (StubServer server = StubServer.replying(200, "{}".getBytes(UTF_8))) {
            Thread caller = Thread.currentThread();
            CompletableFuture<Thread> completedOn = CallerThread.lend(() -> transport.execute(
                    request("GET", server.uri("/session.json"), Map.of())).toCompletableFuture()
                    .thenApply(response -> Thread.currentThread()));

            assertThat(completedOn).isCompletedWithValue(caller);
        }
    }

    @Test
    void a_lent_caller_thread_times_out_on_a_stalled_body_and_keeps_no_interrupt() throws Exception {
        try (RawServer server = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            release.await();
        })) {
            for (int i = 0; i < 3; i++) { // a deadline racing the reply must never leave an interrupt behind
                CompletableFuture<ApiResponse> stage = CallerThread.lend(() -> transport.execute(
                        secretBearing(server.uri("/session.json"), Duration.ofMillis(200)))).toCompletableFuture();

                assertThat(stage).isCompletedExceptionally();
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
                assertThat(stage.handle((response, failure) -> failure).join()).isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            }
        }
    }

    @Test
    void interrupting_a_lent_caller_thread_ends_its_exchange_and_the_interrupt_stays_set() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        try (RawServer server = RawServer.afterHead(connection -> {
            requested.countDown();
            release.await();
        })) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                CompletableFuture<ApiResponse> stage = CallerThread.lend(() -> transport.execute(
                        new TransportRequest("GET", server.uri("/session.json"), Map.of(), null,
                                Duration.ofMinutes(1)))).toCompletableFuture();
                boolean interrupted = Thread.currentThread().isInterrupted();
                outcome.complete(stage.handle((response, failure) -> interrupted ? failure : null).join());
            });
            assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();

            caller.interrupt();

            assertThat(outcome.get(20, TimeUnit.SECONDS)).as("failed, with the interrupt still set")
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
                        assertThat(e).hasMessageContaining("GET /session.json");
                    });
        }
    }

    @Test
    void reports_a_connection_closed_mid_body_as_io() throws Exception {
        try (RawServer server = RawServer.afterHead(connection ->
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"))) {
            expectFailure(secretBearing(server.uri("/session.json")), TransportException.Kind.IO);
        }
    }

    @Test
    void refuses_a_reply_whose_announced_length_exceeds_the_limit_before_reading_it() throws Exception {
        try (RawServer server = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
            release.await();
        })) {
            expectFailure(secretBearing(server.uri("/session.json")), TransportException.Kind.RESPONSE_TOO_LARGE);
        }
    }

    @Test
    void does_not_hold_replies_without_a_body_to_the_length_they_announce() throws Exception {
        String big = "Content-Length: " + (LIMIT * 10) + "\r\n\r\n";
        try (RawServer head = RawServer.afterHead(connection -> connection.write("HTTP/1.1 200 OK\r\n" + big));
             RawServer notModified = RawServer.afterHead(connection ->
                     connection.write("HTTP/1.1 304 Not Modified\r\n" + big))) {
            assertThat(send(request("HEAD", head.uri("/users/1.json"), Map.of())).bodyLength()).isZero();
            assertThat(send(request("GET", notModified.uri("/users/1.json"), Map.of())).status()).isEqualTo(304);
        }
    }

    @Test
    void refuses_a_streamed_reply_as_soon_as_it_crosses_the_limit() throws Exception {
        try (RawServer server = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(1000);
            for (int i = 0; i < 5; i++) {
                connection.write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            release.await(); // never finishes the body: only the limit can end the exchange
        })) {
            expectFailure(secretBearing(server.uri("/session.json")), TransportException.Kind.RESPONSE_TOO_LARGE);
        }
    }

    @Test
    void a_reply_that_announces_a_length_is_never_read_past_it_even_if_it_claims_chunks_too() throws Exception {
        try (RawServer server = RawServer.afterHead(connection -> {
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(1000);
            for (int i = 0; i < 3 * LIMIT / chunk.length(); i++) {
                connection.write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            release.await();
        })) {
            CompletableFuture<ApiResponse> stage = transport.execute(
                    request("GET", server.uri("/session.json"), Map.of())).toCompletableFuture();

            assertThat(stage.handle((response, failure) -> response == null ? 0 : response.bodyLength())
                    .get(20, TimeUnit.SECONDS)).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void cancelling_the_stage_aborts_the_exchange() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        CountDownLatch requested = new CountDownLatch(1);
        try (RawServer server = RawServer.afterHead(connection -> {
            requested.countDown();
            if (connection.read() < 0) {
                hungUp.countDown();
            }
        })) {
            CompletableFuture<ApiResponse> stage = transport.execute(new TransportRequest("GET",
                    server.uri("/session.json"), Map.of(), null, Duration.ofMinutes(1))).toCompletableFuture();
            assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();

            stage.cancel(true);

            assertThat(hungUp.await(5, TimeUnit.SECONDS)).as("server saw the connection close").isTrue();
        }
    }

    @Test
    void an_owned_client_is_closed_and_refuses_further_requests() throws Exception {
        try (StubServer server = StubServer.replying(200, new byte[0])) {
            send(request("GET", server.uri("/session.json"), Map.of()));

            transport.close();
            transport.close();

            expectFailure(secretBearing(server.uri("/session.json")), TransportException.Kind.CONNECT,
                    e -> assertThat(e).hasMessageContaining("closed"));
        }
    }

    @Test
    void an_application_client_stays_open_after_close() throws Exception {
        try (StubServer server = StubServer.replying(204, new byte[0]);
             HttpClient client = HttpClient.newHttpClient()) {
            JdkAuthTransport external = JdkAuthTransport.create(client);
            assertThat(send(external, request("DELETE", server.uri("/session.json"), Map.of())).status())
                    .isEqualTo(204);

            external.close();

            assertThat(client.isTerminated()).isFalse();
            assertThat(client.send(HttpRequest.newBuilder(server.uri("/ping")).build(), BodyHandlers.discarding())
                    .statusCode()).isEqualTo(204);
        }
    }

    @Test
    void is_found_by_the_service_loader_as_jdk() {
        assertThat(ServiceLoader.load(AuthTransportProvider.class)).singleElement().satisfies(provider -> {
            assertThat(provider.name()).isEqualTo("jdk");
            try (var created = provider.create(TransportConfig.defaults())) {
                assertThat(created).isInstanceOf(JdkAuthTransport.class);
                assertThat(created.name()).isEqualTo("jdk");
            }
        });
    }

    @Test
    void is_declared_in_module_info_too() throws Exception {
        Path classes = Path.of(
                JdkAuthTransportProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor module = ModuleDescriptor.read(in);
            assertThat(module.name()).isEqualTo("io.qbauth.transport.jdk");
            assertThat(module.provides()).singleElement().satisfies(provides -> {
                assertThat(provides.service()).isEqualTo("io.qbauth.spi.AuthTransportProvider");
                assertThat(provides.providers()).containsExactly(JdkAuthTransportProvider.class.getName());
            });
        }
    }

    private ApiResponse send(TransportRequest request) {
        return send(transport, request);
    }

    /** Waits at most 20 s (a bounded, interruptible wait: a regression fails instead of hanging the build). */
    private static ApiResponse send(JdkAuthTransport transport, TransportRequest request) {
        try {
            return transport.execute(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no outcome within 20 s", e);
        }
    }

    private void expectFailure(TransportRequest request, TransportException.Kind kind) {
        expectFailure(request, kind, e -> { });
    }

    /** Fails with {@code kind}; the message names method and path but no header value, query or body. */
    private void expectFailure(TransportRequest request, TransportException.Kind kind,
                               Consumer<TransportException> more) {
        assertThatThrownBy(() -> send(request)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).startsWith(request.method() + " " + request.uri().getRawPath() + ": ")
                    .doesNotContain(SECRET_TOKEN).doesNotContain(SECRET_PASSWORD);
            more.accept(e);
        });
    }

    private static TransportRequest request(String method, URI uri, Map<String, List<String>> headers) {
        return new TransportRequest(method, uri, headers, null, Duration.ofSeconds(5));
    }

    /** A POST carrying a token header and a password body, to check neither leaks into messages. */
    private static TransportRequest secretBearing(URI uri) {
        return secretBearing(uri, Duration.ofSeconds(5));
    }

    private static TransportRequest secretBearing(URI uri, Duration timeout) {
        return new TransportRequest("POST", uri, Map.of("QB-Token", List.of(SECRET_TOKEN)),
                ("user[password]=" + SECRET_PASSWORD).getBytes(UTF_8), timeout);
    }
}
