package io.qbauth.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.TransportException;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;

/**
 * The server reads a request and closes the connection without a byte of reply (it may or may not have acted on
 * it): the call fails with {@link TransportException} {@code IO}, and the server read a {@code POST}, {@code PUT},
 * {@code PATCH} or {@code DELETE} exactly once on both transports — counted at the server, a raw socket. A {@code GET}
 * is read once through Vert.x and twice through the JDK transport: the JDK client's own resend of a read, documented
 * in {@code auth-transport-jdk/README.md} (stopping it would cost every {@code GET} a {@code Content-Length: 0}).
 */
@Timeout(90)
class ClosedBeforeReplyE2eTest {

    private static final String USER_PATH = "/users/7.json";

    @TransportTest
    void a_call_whose_connection_closes_before_the_reply_is_sent_once_but_a_get_may_be_resent_by_the_jdk(
            TransportUnderTest transport) throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        try (HostileServer server = new HostileServer((requestLine, out) -> {
            received.add(requestLine);
            if (requestLine.startsWith("POST /session.json ")) {
                Replies.session().reply(requestLine, out);
            }
            // anything else: the connection closes without a reply
        }); HostileSdk sdk = HostileSdk.start(transport, server)) {
            Within.result(sdk.client().createApplicationSession());
            byte[] json = "{\"user\":{\"full_name\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
            List<ApiRequest> calls = List.of(ApiRequest.get(USER_PATH), ApiRequest.post(USER_PATH).jsonBody(json),
                    ApiRequest.put(USER_PATH).jsonBody(json), ApiRequest.patch(USER_PATH).jsonBody(json),
                    ApiRequest.delete(USER_PATH));
            List<String> expected = new ArrayList<>(List.of("POST /session.json HTTP/1.1"));

            int getsPerCall = transport.name().equals("jdk") ? 2 : 1;

            for (ApiRequest call : calls) {
                assertIoFailure(Within.failure(sdk.client().execute(call)));
                expected.addAll(Collections.nCopies(call.method().equals("GET") ? getsPerCall : 1,
                        call.method() + " " + USER_PATH + " HTTP/1.1"));
            }
            assertIoFailure(Within.failure(sdk.client().getSession()));
            expected.addAll(Collections.nCopies(getsPerCall, "GET /session.json HTTP/1.1"));
            assertThatThrownBy(() -> sdk.client().blocking().execute(ApiRequest.post(USER_PATH).jsonBody(json)))
                    .as("on the blocking facade, whose thread the JDK transport runs the exchange on")
                    .isInstanceOfSatisfying(TransportException.class, ClosedBeforeReplyE2eTest::assertIoFailure);
            expected.add("POST " + USER_PATH + " HTTP/1.1");

            assertThat(received).as("every request the server read, in order").containsExactlyElementsOf(expected);
            assertThat(server.requests()).isEqualTo(expected.size());
        }
    }

    private static void assertIoFailure(AuthException failure) {
        assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.IO));
        assertThat(failure.status()).isZero();
    }
}
