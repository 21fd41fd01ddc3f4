package io.qbauth.adapter.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.TransportException;
import io.qbauth.spi.CallerThread;
import io.qbauth.spi.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request whose connection closes before any byte of the reply is sent <b>once</b>, whatever its method, counted
 * at the server. The JDK client on its own sends a {@code GET} or {@code HEAD} a second time in that case (it takes
 * the close for a stale pooled connection), so the server would see the call twice.
 */
@Timeout(30)
class SentOnceOnTheWireTest {

    private final JdkAuthTransport transport = new JdkAuthTransport(
            TransportConfig.builder().connectTimeout(Duration.ofSeconds(2)).build());

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE"})
    void a_request_whose_connection_closes_before_the_reply_is_sent_once(String method) throws Exception {
        try (RequestCountingServer server = new RequestCountingServer(RequestCountingServer.Connection::readRequest)) {
            expectIoFailure(transport, request(method, server.uri("/session.json")));

            assertThat(server.heads()).as("requests the server read").hasSize(1);
            assertThat(server.heads().getFirst()).startsWith(method + " /session.json HTTP/1.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void a_request_whose_connection_is_reset_before_the_reply_is_sent_once(String method) throws Exception {
        try (RequestCountingServer server = new RequestCountingServer(connection -> {
            connection.resetOnClose();
            connection.readRequest();
        })) {
            expectIoFailure(transport, request(method, server.uri("/session.json")));

            assertThat(server.heads()).as("requests the server read").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE"})
    void a_request_on_a_pooled_connection_closed_before_the_reply_is_sent_once(String method) throws Exception {
        try (RequestCountingServer server = new RequestCountingServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"); // keep-alive: the JDK pools it
            connection.readRequest(); // the second request comes on the same connection: close without a reply
        })) {
            assertThat(send(transport, request(method, server.uri("/session.json"))).status()).isEqualTo(200);

            expectIoFailure(transport, request(method, server.uri("/session.json")));

            assertThat(server.heads()).as("requests the server read").hasSize(2);
        }
    }

    @Test
    void a_get_on_a_lent_caller_thread_is_sent_once_too() throws Exception {
        try (RequestCountingServer server = new RequestCountingServer(RequestCountingServer.Connection::readRequest)) {
            TransportRequest request = request("GET", server.uri("/session.json"));

            assertThatThrownBy(() -> CallerThread.lend(() -> transport.execute(request)).toCompletableFuture().join())
                    .hasCauseInstanceOf(TransportException.class);
            assertThat(server.heads()).hasSize(1);
        }
    }

    @Test
    void an_application_client_that_follows_no_redirect_sends_a_get_once_too() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             RequestCountingServer server = new RequestCountingServer(RequestCountingServer.Connection::readRequest)) {
            JdkAuthTransport wrapping = new JdkAuthTransport(client);

            expectIoFailure(wrapping, request("GET", server.uri("/session.json")));

            assertThat(server.heads()).hasSize(1);
        }
    }

    @Test
    void an_application_client_that_follows_redirects_keeps_the_jdks_resend_of_a_get_but_not_of_a_post()
            throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
             RequestCountingServer server = new RequestCountingServer(RequestCountingServer.Connection::readRequest)) {
            JdkAuthTransport wrapping = new JdkAuthTransport(client);

            expectIoFailure(wrapping, request("GET", server.uri("/session.json")));
            assertThat(server.heads()).as("the JDK's own resend of a GET, as documented").hasSize(2);

            expectIoFailure(wrapping, request("POST", server.uri("/session.json")));
            assertThat(server.heads()).as("a POST is never resent").hasSize(3);
        }
    }

    @Test
    void an_application_client_that_follows_redirects_still_follows_a_307_with_the_body() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
             RequestCountingServer server = new RequestCountingServer(connection -> {
                 while (true) { // until the client closes the connection
                     connection.readRequest();
                     connection.write(answered.getAndIncrement() == 0
                             ? "HTTP/1.1 307 Temporary Redirect\r\nLocation: /users.json\r\nContent-Length: 0\r\n\r\n"
                             : "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
                 }
             })) {
            JdkAuthTransport wrapping = new JdkAuthTransport(client);

            assertThat(send(wrapping, request("POST", server.uri("/session.json"))).status()).isEqualTo(201);
            assertThat(server.heads()).hasSize(2);
            assertThat(server.heads().get(1)).startsWith("POST /users.json HTTP/1.1");
        }
    }

    @Test
    void a_get_carries_no_body_at_most_an_empty_length() throws Exception {
        try (RequestCountingServer server = new RequestCountingServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 204 No Content\r\n\r\n");
        })) {
            send(transport, request("GET", server.uri("/session.json")));

            assertThat(RequestCountingServer.headerLines(server.heads().getFirst()))
                    .doesNotContain("transfer-encoding: chunked").filteredOn(line -> line.startsWith("content-length:")).allMatch("content-length: 0"::equals);
        }
    }

    private static TransportRequest request(String method, URI uri) {
        byte[] body = method.equals("POST") || method.equals("PUT") ? "a=1".getBytes(UTF_8) : null;
        return new TransportRequest(method, uri, Map.of(), body, Duration.ofSeconds(5));
    }

    private static void expectIoFailure(JdkAuthTransport transport, TransportRequest request) {
        assertThatThrownBy(() -> send(transport, request)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
            assertThat(e.getMessage()).startsWith(request.method() + " /session.json: ");
        });
    }

    /** Waits at most 20 s (a bounded wait: a regression fails instead of hanging the build). */
    private static TransportResponse send(JdkAuthTransport transport, TransportRequest request) {
        try {
            return transport.execute(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no outcome within 20 s", e);
        }
    }
}
