package io.qbauth.adapter.transport.jdk;

import static io.qbauth.adapter.transport.jdk.SentOnceOnTheWireTest.expectIoFailure;
import static io.qbauth.adapter.transport.jdk.SentOnceOnTheWireTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.RawServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In a JVM where something set {@code jdk.httpclient.enableAllMethodRetry} (JVM-wide: an application or another
 * library may), the JDK client resends <em>every</em> method whose connection closed before the reply; the transport
 * still sends a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} once ({@link SendOnceBody}). Runs in a JVM of
 * its own that has the property set (the {@code all-method-retry} surefire execution); skipped elsewhere.
 */
@Timeout(30)
class SentOnceWithAllMethodRetryTest {

    private final JdkAuthTransport transport = JdkAuthTransport.create(
            TransportConfig.builder().connectTimeout(Duration.ofSeconds(2)).build());

    @BeforeAll
    static void onlyWithTheProperty() {
        assumeTrue(Boolean.getBoolean("jdk.httpclient.enableAllMethodRetry"),
                "needs -Djdk.httpclient.enableAllMethodRetry=true (the all-method-retry surefire execution)");
    }

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
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE"})
    void a_bare_jdk_client_would_have_sent_it_twice(String method) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             RawServer server = new RawServer(RawServer.Connection::readRequest)) {
            HttpRequest bare = HttpRequest.newBuilder(server.uri("/session.json"))
                    .method(method, BodyPublishers.ofString("a=1")).build();

            try {
                client.send(bare, BodyHandlers.discarding());
            } catch (IOException expected) {
                // the connection closed before the reply, twice
            }

            assertThat(server.heads()).as("what this test guards against").hasSize(2);
        }
    }
}
