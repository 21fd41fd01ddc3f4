package io.qbauth.e2e.expiry;

import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuthClient;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.ApiRequest;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;

/**
 * The server's session lifetime (3 minutes here) is shorter than the refresh policy's prefetch margin (5 minutes by
 * default): the margins scale to the lifetime, so the SDK creates one session per half lifetime per identity instead
 * of one per call (wave 1 created ~200 sessions for 300 calls).
 */
@Timeout(60)
class ShortLivedSessionsE2eTest {

    private static final Duration TTL = Duration.ofMinutes(3);

    @TransportTest
    void sessions_shorter_than_the_prefetch_margin_are_created_once_per_half_lifetime(TransportUnderTest transport) {
        TestClock clock = TestClock.startingNow();
        try (QbEmulator emu = QuickBloxFixture.emulator().clock(clock).sessionTtl(TTL).start();
             AuthTransport wire = transport.create();
             QbAuthClient client = QuickBloxFixture.client(emu, wire, clock)
                     .refreshPolicy(RefreshPolicy.ofDefaults()).build()) {
            ApiRequest call = ApiRequest.get("/session.json");
            for (int i = 0; i < 300; i++) {
                Within.result(client.execute(call));
            }
            assertThat(created(emu)).as("creations for 300 calls within one lifetime").isEqualTo(1);

            for (int window = 1; window <= 4; window++) {
                clock.advance(TTL.dividedBy(2).plusSeconds(5)); // past half the lifetime, the session slides on
                for (int i = 0; i < 100; i++) {
                    Within.result(client.execute(call));
                }
                assertThat(created(emu)).as("creations after %d half lifetimes", window)
                        .isLessThanOrEqualTo(1L + window);
            }
            assertThat(created(emu)).as("at most one creation per half lifetime").isBetween(1L, 5L);
            assertThat(client.currentSession()).isPresent();
        }
    }

    private static long created(QbEmulator emu) {
        return emu.stats(APP_ID).sessionsCreated();
    }
}
