package io.qbauth.adapter.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException;
import io.qbauth.spi.CallerThread;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import io.qbauth.testkit.transport.StubHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the JDK transport promises beyond the shared contract ({@link JdkAuthTransportContractTest}): an
 * application's {@code HttpClient} is left open, and the exchange on a lent caller thread (virtual-thread callers
 * of the blocking facade) runs there, times out there and leaves no stray interrupt.
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
    void the_stages_dependents_never_run_with_an_interrupt_meant_for_the_exchange() throws Exception {
        try (StubHttpServer ok = StubHttpServer.replying(200, "{}".getBytes(UTF_8));
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
        try (StubHttpServer server = StubHttpServer.replying(200, "{}".getBytes(UTF_8))) {
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
    void an_application_client_stays_open_after_close() throws Exception {
        try (StubHttpServer server = StubHttpServer.replying(204, new byte[0]);
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

    private static TransportRequest request(String method, URI uri, Map<String, List<String>> headers) {
        return new TransportRequest(method, uri, headers, null, Duration.ofSeconds(5));
    }

    private static TransportRequest secretBearing(URI uri, Duration timeout) {
        return new TransportRequest("POST", uri, Map.of("QB-Token", List.of(SECRET_TOKEN)),
                ("user[password]=" + SECRET_PASSWORD).getBytes(UTF_8), timeout);
    }
}
