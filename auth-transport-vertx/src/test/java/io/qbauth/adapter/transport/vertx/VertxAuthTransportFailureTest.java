package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static io.qbauth.adapter.transport.vertx.Exchanges.request;
import static io.qbauth.adapter.transport.vertx.Exchanges.transportFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failures beyond the shared contract: unresolvable hosts, mid-body resets, trickling bodies, and that every early
 * end (timeout, over-size reply, cancellation) closes the connection instead of reading on; messages stay clean.
 */
class VertxAuthTransportFailureTest {

    private static final int MAX_BYTES = 64 * 1024;
    private static VertxAuthTransport transport;

    @BeforeAll
    static void start() {
        transport = VertxAuthTransport.create(TransportConfig.builder()
                .maxResponseBytes(MAX_BYTES).connectTimeout(Duration.ofMillis(300)).build());
    }

    @AfterAll
    static void stop() {
        transport.close();
    }

    @Test
    void unresolvableHostIsConnect() throws Exception {
        transportFailure(transport.execute(get(URI.create("http://qbauth-no-such-host.invalid/session.json"))),
                Kind.CONNECT);
    }

    @Test
    void aTimeoutEndsTheExchangeOnTimeAndClosesTheConnection() throws Exception {
        try (RawServer server = RawServer.silent(new CountDownLatch(1))) {
            long start = System.nanoTime();
            TransportException failure = transportFailure(transport.execute(request("POST", server.uri("/session.json"),
                    Map.of(), new byte[] {1}, Duration.ofMillis(200))), Kind.TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
                    Duration.ofSeconds(3));
            assertThat(failure).hasMessageStartingWith("POST /session.json: ");
            assertThat(server.clientClosed().await(5, TimeUnit.SECONDS)).as("connection closed on timeout").isTrue();
        }
    }

    @Test
    void bodyTricklingPastTheDeadlineTimesOut() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readHead();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            for (int i = 0; i < 1000; i++) {
                connection.write("x");
                Thread.sleep(20); // the server's pace, not a wait of the test
            }
        })) {
            transportFailure(transport.execute(request("GET", server.uri("/slow"), Map.of(), null,
                    Duration.ofMillis(300))), Kind.TIMEOUT);
            assertThat(server.clientClosed().await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void connectionClosedMidBodyIsIo() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readHead();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-part");
            connection.socket().setSoLinger(true, 0); // RST on close
        })) {
            transportFailure(transport.execute(get(server.uri("/cut"))), Kind.IO);
        }
    }

    @Test
    void announcedOversizeBodyFailsBeforeReadingItAndClosesTheConnection() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readHead();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + (MAX_BYTES + 1) + "\r\n\r\n");
            connection.awaitClientClose();
        })) {
            TransportException failure = transportFailure(transport.execute(get(server.uri("/big"))),
                    Kind.RESPONSE_TOO_LARGE);

            assertThat(failure).hasMessage("GET /big: reply body exceeds " + MAX_BYTES + " bytes");
            assertThat(server.clientClosed().await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void endlessChunkedBodyFailsAtTheLimitAndIsNotDrained() throws Exception {
        String chunk = Integer.toHexString(8192) + "\r\n" + "x".repeat(8192) + "\r\n";
        CountDownLatch writesFailed = new CountDownLatch(1);
        try (RawServer server = new RawServer(connection -> {
            connection.readHead();
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            try {
                while (true) {
                    connection.write(chunk);
                }
            } catch (java.io.IOException closedByClient) {
                writesFailed.countDown();
                throw closedByClient;
            }
        })) {
            transportFailure(transport.execute(get(server.uri("/endless"))), Kind.RESPONSE_TOO_LARGE);

            assertThat(writesFailed.await(5, TimeUnit.SECONDS)).as("the server's writes fail: connection closed")
                    .isTrue();
        }
    }

    @Test
    void aHeadReplyAnnouncingALargeBodyIsNotTooLarge() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readHead();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + (MAX_BYTES * 10) + "\r\n\r\n");
            connection.awaitClientClose();
        })) {
            ApiResponse response = Exchanges.response(transport.execute(request("HEAD", server.uri("/big"),
                    Map.of(), null, Duration.ofSeconds(5))));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Length")).contains(String.valueOf(MAX_BYTES * 10));
        }
    }

    @Test
    void cancellingTheStageAbortsTheExchange() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        try (RawServer server = RawServer.silent(requestArrived)) {
            CompletableFuture<ApiResponse> stage = transport.execute(get(server.uri("/hang")))
                    .toCompletableFuture();
            assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();

            stage.cancel(false);

            assertThat(server.clientClosed().await(5, TimeUnit.SECONDS)).as("connection closed on cancel").isTrue();
        }
    }

    @Test
    void messagesNameMethodAndPathButNoQueryHeaderValueOrBody() throws Exception {
        try (RawServer server = RawServer.silent(new CountDownLatch(1))) {
            TransportException failure = transportFailure(transport.execute(request("PUT",
                    server.uri("/users/42.json?token=query-secret"), Map.of("QB-Token", List.of("header-secret")),
                    "password=body-secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    Duration.ofMillis(100))), Kind.TIMEOUT);

            assertThat(failure.getMessage()).startsWith("PUT /users/42.json: ")
                    .doesNotContain("query-secret", "header-secret", "body-secret");
        }
    }

    @Test
    void closedTransportFailsWithoutSending() throws Exception {
        VertxAuthTransport closed = VertxAuthTransport.create(TransportConfig.defaults());
        closed.close();

        TransportException failure = transportFailure(closed.execute(get(URI.create("http://127.0.0.1:1/x"))),
                Kind.CONNECT);

        assertThat(failure).hasMessageContaining("closed");
    }
}
