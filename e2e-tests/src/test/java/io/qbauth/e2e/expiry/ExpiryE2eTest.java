package io.qbauth.e2e.expiry;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.RecordingTransport.Sent;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * The client tracks expiry from the emulator's {@code QB-Token-ExpirationDate} header. The emulator's TTL is
 * 10 minutes (not QuickBlox's 2 hours, which is also the SDK's fallback), and both sides share one test clock.
 */
class ExpiryE2eTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    private final TestClock clock = TestClock.startingNow();
    private final QbEmulator emulator = QuickBloxFixture.emulator().clock(clock).sessionTtl(TTL).start();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @TransportTest
    void expiry_comes_from_the_header_and_slides_with_every_call(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator, builder -> builder.clock(clock))) {
            Session created = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            assertThat(created.expiresAt()).isCloseTo(clock.instant().plus(TTL), within(2, ChronoUnit.SECONDS));

            clock.advance(Duration.ofMinutes(3));
            sdk.blocking().execute(ApiRequest.get("/users/" + created.userId() + ".json"));

            assertThat(sdk.client().currentSession().orElseThrow().expiresAt())
                    .isCloseTo(clock.instant().plus(TTL), within(2, ChronoUnit.SECONDS));
        }
    }

    @TransportTest
    void a_session_past_its_tracked_expiry_is_recreated_before_the_call_without_a_401(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator, builder -> builder.clock(clock))) {
            Session created = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            String userPath = "/users/" + created.userId() + ".json";
            clock.advance(TTL.plusSeconds(1));

            sdk.blocking().execute(ApiRequest.get(userPath));

            Session now = sdk.client().currentSession().orElseThrow();
            assertThat(now.token()).isNotEqualTo(created.token());
            assertThat(now.kind()).isEqualTo(SessionKind.USER);
            assertThat(now.userId()).isEqualTo(created.userId());
            assertThat(sdk.recorder().sent("GET", userPath)).extracting(Sent::token)
                    .as("sent once, with the new token").containsExactly(now.token().value());
        }
    }
}
