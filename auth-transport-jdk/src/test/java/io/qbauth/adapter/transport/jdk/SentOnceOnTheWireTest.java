package io.qbauth.adapter.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.qbauth.domain.TransportException;
import io.qbauth.spi.CallerThread;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * What reaches the server, counted on the wire, when a connection closes before any byte of the reply: a
 * {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} exactly once; a {@code GET} or {@code HEAD} at most twice,
 * the JDK client's own resend of a read (documented in the README), which the transport leaves in place because
 * stopping it would cost every {@code GET} a {@code Content-Length: 0} header. {@link SentOnceWithAllMethodRetryTest}
 * covers a JVM in which the JDK is told to resend every method.
 */
@Timeout(30)
class SentOnceOnTheWireTest {

    private final JdkAuthTransport transport = JdkAuthTransport.create(
            TransportConfig.builder().connectTimeout(Duration.ofSeconds(2)).build());

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void a_request_whose_connection_closes_before_the_reply_is_sent_once(String method) throws Exception {
        try (RawServer server = new RawServer(RawServer.Connection::readRequest)) {
            expectIoFailure(transport, request(method, server.uri("/session.json")));

            assertThat(server.heads()).as("requests the server read").hasSize(1);
            assertThat(server.heads().getFirst()).startsWith(method + " /session.json HTTP/1.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void a_read_whose_connection_closes_before_the_reply_is_sent_once_more_by_the_jdk_and_no_more(String method)
            throws Exception {
        try (RawServer server = new RawServer(RawServer.Connection::readRequest)) {
            expectIoFailure(transport, request(method, server.uri("/session.json")));

            assertThat(server.heads()).as("the JDK's one resend, as documented").hasSize(2);
            assertThat(server.heads().get(1)).isEqualTo(server.heads().getFirst());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE"})
    void a_request_whose_connection_is_reset_before_the_reply_is_sent_once(String method) throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.resetOnClose();
            connection.readRequest();
        })) {
            expectIoFailure(transport, request(method, server.uri("/session.json")));

            assertThat(server.heads()).as("requests the server read").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void a_request_on_a_pooled_connection_closed_before_the_reply_is_sent_once(String method) throws Exception {
        try (RawServer server = new RawServer(connection -> {
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
    void a_get_on_a_pooled_connection_closed_before_the_reply_is_resent_by_the_jdk_on_a_new_one() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
            connection.readRequest();
        })) {
            send(transport, request("GET", server.uri("/session.json")));

            assertThat(send(transport, request("GET", server.uri("/session.json"))).status())
                    .as("the resend got the new connection's reply").isEqualTo(200);
            assertThat(server.heads()).as("the JDK's one resend, as documented").hasSize(3);
        }
    }

    @Test
    void a_post_on_a_lent_caller_thread_is_sent_once_too() throws Exception {
        try (RawServer server = new RawServer(RawServer.Connection::readRequest)) {
            TransportRequest request = request("POST", server.uri("/session.json"));

            assertThatThrownBy(() -> CallerThread.lend(() -> transport.execute(request)).toCompletableFuture().join())
                    .hasCauseInstanceOf(TransportException.class);
            assertThat(server.heads()).hasSize(1);
        }
    }

    @Test
    void an_application_client_that_follows_redirects_sends_a_post_once_too() throws Exception {
        assumeFalse(Boolean.getBoolean("jdk.httpclient.enableAllMethodRetry"), "the JDK resends a POST then");
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
             RawServer server = new RawServer(RawServer.Connection::readRequest)) {
            JdkAuthTransport wrapping = JdkAuthTransport.create(client);

            expectIoFailure(wrapping, request("POST", server.uri("/session.json")));

            assertThat(server.heads()).hasSize(1);
        }
    }

    @Test
    void an_application_client_that_follows_redirects_still_follows_a_307_with_the_body() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
             RawServer server = new RawServer(connection -> {
                 while (true) { // until the client closes the connection
                     connection.readRequest();
                     connection.write(answered.getAndIncrement() == 0
                             ? "HTTP/1.1 307 Temporary Redirect\r\nLocation: /users.json\r\nContent-Length: 0\r\n\r\n"
                             : "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
                 }
             })) {
            JdkAuthTransport wrapping = JdkAuthTransport.create(client);

            assertThat(send(wrapping, request("POST", server.uri("/session.json"))).status()).isEqualTo(201);
            assertThat(server.heads()).hasSize(2);
            assertThat(server.heads().get(1)).startsWith("POST /users.json HTTP/1.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void a_read_carries_no_content_length(String method) throws Exception {
        try (RawServer server = new RawServer(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 204 No Content\r\n\r\n");
        })) {
            send(transport, request(method, server.uri("/session.json")));

            assertThat(headerLines(server.heads().getFirst()))
                    .noneMatch(line -> line.startsWith("content-length:") || line.startsWith("transfer-encoding:"));
        }
    }

    static TransportRequest request(String method, URI uri) {
        byte[] body = method.startsWith("P") ? "a=1".getBytes(UTF_8) : null; // POST, PUT, PATCH
        return new TransportRequest(method, uri, Map.of(), body, Duration.ofSeconds(5));
    }

    static void expectIoFailure(JdkAuthTransport transport, TransportRequest request) {
        assertThatThrownBy(() -> send(transport, request)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
            assertThat(e.getMessage()).startsWith(request.method() + " /session.json: ");
        });
    }

    /** Waits at most 20 s (a bounded wait: a regression fails instead of hanging the build). */
    static ApiResponse send(JdkAuthTransport transport, TransportRequest request) {
        try {
            return transport.execute(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no outcome within 20 s", e);
        }
    }

    /** {@code head}'s lines, lower-cased. */
    private static List<String> headerLines(String head) {
        return head.lines().map(line -> line.toLowerCase(Locale.ROOT)).toList();
    }
}
