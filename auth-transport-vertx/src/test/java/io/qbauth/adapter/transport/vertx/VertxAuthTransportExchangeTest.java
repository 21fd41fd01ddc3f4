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
import io.qbauth.spi.TransportConfig;
import io.qbauth.spi.TransportResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes over the wire and what comes back, against a well-behaved server. */
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
    void sendsTheBodyBytesExactlyAndReturnsTheReplyBytesExactly() throws Exception {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        server.reply("/bytes", Reply.of(201, every));

        TransportResponse reply = response(transport.execute(request("POST", server.uri("/bytes"),
                Map.of("Content-Type", List.of("application/octet-stream")), every, TIMEOUT)));

        Received received = server.nextRequest();
        assertThat(received.body()).isEqualTo(every);
        assertThat(received.header("Content-Length")).containsExactly("256");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).isEqualTo(every);
    }

    @Test
    void sendsAndReceivesEveryValueOfAMultiValuedHeader() throws Exception {
        server.reply("/multi", new Reply(200, Map.of("Set-Cookie", List.of("a=1", "b=2")), new byte[0]));

        TransportResponse reply = response(transport.execute(request("GET", server.uri("/multi"),
                Map.of("X-Multi", List.of("one", "two")), null, TIMEOUT)));

        assertThat(server.nextRequest().header("X-Multi")).containsExactly("one", "two");
        assertThat(reply.headers().get("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void keepsThePathAndQueryAsEncoded() throws Exception {
        transport.execute(get(server.uri("/users/by_login.json?login=a%2Bb%20c&x=%2F"))).toCompletableFuture().join();

        assertThat(server.nextRequest().rawPathAndQuery()).isEqualTo("/users/by_login.json?login=a%2Bb%20c&x=%2F");
    }

    @Test
    void returnsErrorStatusesAsResponses() throws Exception {
        server.reply("/session.json", Reply.of(401, "{\"errors\":{\"base\":[\"Required session does not exist\"]}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        server.reply("/boom", Reply.of(503, new byte[0]));

        assertThat(response(transport.execute(get(server.uri("/session.json")))).status()).isEqualTo(401);
        assertThat(response(transport.execute(get(server.uri("/boom")))).status()).isEqualTo(503);
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

        TransportResponse reply = response(transport.execute(request("POST", server.uri("/login.json"), Map.of(
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

    @Test
    void nameIsVertx() {
        assertThat(transport.name()).isEqualTo("vertx");
    }
}
