package io.qbauth.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose {@code QB-Token-ExpirationDate} is already in the past when the reply arrives: the header is
 * ignored (sessions are assumed to last the fallback TTL after their last request), so the SDK creates one session
 * for a hundred calls instead of one per call.
 */
@Timeout(60)
class PastExpiryHeaderE2eTest {

    @TransportTest
    void a_session_whose_expiry_header_is_in_the_past_is_created_once_for_many_calls(TransportUnderTest transport)
            throws IOException {
        AtomicInteger creations = new AtomicInteger();
        HostileServer.Replier session = Replies.session("QB-Token-ExpirationDate: 2001-01-01 00:00:00 UTC");
        HostileServer.Replier ok = Replies.json(200, "{\"user\":{\"id\":7}}",
                "QB-Token-ExpirationDate: 2001-01-01 00:00:00 UTC");
        try (HostileServer server = new HostileServer((requestLine, out) -> {
            if (requestLine.startsWith("POST /session.json")) {
                creations.incrementAndGet();
                session.reply(requestLine, out);
            } else {
                ok.reply(requestLine, out);
            }
        });
             HostileSdk sdk = HostileSdk.start(transport, server)) {
            for (int i = 0; i < 100; i++) {
                assertThat(Within.result(sdk.client().execute(ApiRequest.get("/users/7.json"))).status())
                        .isEqualTo(200);
            }

            assertThat(creations).as("session creations for 100 calls").hasValue(1);
            assertThat(sdk.client().currentSession().orElseThrow().expiresAt())
                    .as("assumed to last the fallback TTL").isAfter(Instant.now().plus(Duration.ofMinutes(100)));
        }
    }
}
