package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.TIMEOUT;
import static io.qbauth.adapter.transport.vertx.Exchanges.failure;
import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static io.qbauth.adapter.transport.vertx.Exchanges.request;
import static io.qbauth.adapter.transport.vertx.Exchanges.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.adapter.transport.vertx.StubHttpServer.Received;
import io.qbauth.adapter.transport.vertx.StubHttpServer.Reply;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Vert.x transport does beyond the shared contract ({@link VertxAuthTransportContractTest}): the default
 * {@code User-Agent}, the headers it drops, bodiless replies, and requests it refuses before sending.
 */
class VertxAuthTransportExchangeTest {

    @RegisterExtension
    static final StubHttpServer server = new StubHttpServer();
    private static VertxAuthTransport transport;

    @BeforeAll
    static void start() {
        transport = VertxAuthTransport.create(TransportConfig.builder().userAgent("qbauth-test/1").build());
    }

    @AfterAll
    static void stop() {
        transport.close();
    }

    @Test
    void addsTheConfiguredUserAgentUnlessTheRequestHasOne() throws Exception {
        response(transport.execute(get(server.uri("/ua"))));
        assertThat(server.nextRequest().header("User-Agent")).containsExactly("qbauth-test/1");

        response(transport.execute(request("GET", server.uri("/ua"), Map.of("user-agent", List.of("app/2")), null,
                TIMEOUT)));
        assertThat(server.nextRequest().header("User-Agent")).containsExactly("app/2");
    }

    @Test
    void dropsTheHeadersTheClientManagesAndStillSendsACorrectRequest() throws Exception {
        byte[] body = "login=alice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        ApiResponse reply = response(transport.execute(request("POST", server.uri("/login.json"), Map.of(
                "Content-Length", List.of("999"), "Host", List.of("evil.example"), "Connection", List.of("close"),
                "Transfer-Encoding", List.of("chunked"), "Expect", List.of("100-continue")), body, TIMEOUT)));

        Received received = server.nextRequest();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Length")).containsExactly(String.valueOf(body.length));
        assertThat(received.header("Host")).containsExactly(server.uri("/").getAuthority());
        assertThat(received.header("Transfer-Encoding")).isEmpty();
        assertThat(received.header("Expect")).isEmpty();
    }

    @Test
    void repliesWithoutABodyHaveAnEmptyBody() throws Exception {
        server.reply("/empty", Reply.of(204, new byte[0]));

        assertThat(response(transport.execute(get(server.uri("/empty")))).body()).isEmpty();
        assertThat(response(transport.execute(request("HEAD", server.uri("/bytes"), Map.of(), null, TIMEOUT))).body())
                .isEmpty();
    }

    @Test
    void rejectsAHeaderValueWithALineBreakWithoutEchoingTheValue() throws Exception {
        Throwable failure = failure(transport.execute(request("GET", server.uri("/x"),
                Map.of("QB-Token", List.of("secret-token\r\nX-Injected: 1")), null, TIMEOUT)));

        assertThat(failure).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("QB-Token").hasMessageContaining("GET /x")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void rejectsAnInvalidHeaderNameAndANonHttpUri() throws Exception {
        assertThat(failure(transport.execute(request("GET", server.uri("/x"),
                Map.of("Bad Name", List.of("v")), null, TIMEOUT)))).isInstanceOf(InvalidInputException.class);
        assertThat(failure(transport.execute(get(java.net.URI.create("ftp://127.0.0.1/x")))))
                .isInstanceOf(InvalidInputException.class);
    }

}
