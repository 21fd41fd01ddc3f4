package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.response;
import static io.qbauth.adapter.transport.vertx.Exchanges.transportFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException.Kind;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.testkit.transport.HostileServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What the transport kit leaves to each transport: the Vert.x transport <em>closes</em> a connection that had bytes
 * after the end of a reply (the JDK's client keeps it), and a {@code 101} nobody asked for fails the call and closes
 * its connection, where Vert.x would take it as the final reply and pool the connection with the rest unread.
 */
class ReplyFramingTest {

    private static final TransportConfig ONE_CONNECTION = TransportConfig.builder().maxConnections(1).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale", "-and-more-body-than-announced"})
    void a_connection_with_bytes_after_the_reply_is_closed_and_never_reused(String extra) throws Exception {
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write(HostileServer.reply(id) + extra);
            return true;
        });
             VertxAuthTransport transport = VertxAuthTransport.create(ONE_CONNECTION)) {

            assertThat(text(response(transport.execute(get(server, "first"))))).isEqualTo("first");
            assertThat(text(response(transport.execute(get(server, "second"))))).isEqualTo("second");

            assertThat(server.awaitClosedByClient(1, 10)).as("the first connection closed").isTrue();
            assertThat(server.requestsOn(1)).as("requests on the first connection").isEqualTo(1);
        }
    }

    @Test
    void an_unasked_for_101_fails_the_call_and_its_connection_is_closed() throws Exception {
        try (HostileServer server = new HostileServer((connection, id) -> {
            connection.write("HTTP/1.1 101 Switching Protocols\r\n\r\n" + HostileServer.reply(id));
            return true;
        });
             VertxAuthTransport transport = VertxAuthTransport.create(ONE_CONNECTION)) {

            transportFailure(transport.execute(get(server, "first")), Kind.IO);
            assertThat(text(response(transport.execute(get(server, "second"))))).isEqualTo("second");

            assertThat(server.awaitClosedByClient(1, 10)).as("the first connection closed").isTrue();
            assertThat(server.requestsOn(1)).as("requests on the first connection").isEqualTo(1);
        }
    }

    private static TransportRequest get(HostileServer server, String id) {
        return new TransportRequest("GET", server.uri(id), Map.of(), null, Duration.ofSeconds(5));
    }

    private static String text(io.qbauth.domain.ApiResponse response) {
        return new String(response.body(), StandardCharsets.ISO_8859_1);
    }
}
