package io.qbauth.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuthClient;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 429 on a session creation with a hostile {@code Retry-After} (a day, 277 777 hours, more digits than a long holds,
 * an HTTP date in year 9999): the exception carries the server's value, but the client waits no longer than the
 * refresh policy's max retry interval before it creates a session again once the server is healthy.
 */
@Timeout(60)
class RetryAfterCapE2eTest {

    private static final Duration MAX_RETRY = Duration.ofMillis(300);

    private final QbEmulator emu = QuickBloxFixture.emulator().timestampWindow(Duration.ofDays(1)).start();

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    static Stream<Arguments> hostileValues() {
        return TransportUnderTest.all().flatMap(transport -> Stream.of(
                Arguments.of(transport, "86400", Duration.ofDays(1)),
                Arguments.of(transport, "999997200", Duration.ofHours(277_777)),
                Arguments.of(transport, "9".repeat(25), Duration.ofSeconds(Long.MAX_VALUE)),
                Arguments.of(transport, "Fri, 31 Dec 9999 23:59:59 GMT", null)));
    }

    @ParameterizedTest(name = "[{0}] Retry-After: {1}")
    @MethodSource("hostileValues")
    void a_hostile_retry_after_holds_creations_back_no_longer_than_the_max_retry_interval(
            TransportUnderTest transport, String retryAfter, Duration expected) {
        try (AuthTransport wire = transport.create();
             QbAuthClient client = QuickBloxFixture.client(emu, wire).refreshPolicy(RefreshPolicy.custom()
                     .minRetryInterval(Duration.ofMillis(50)).maxRetryInterval(MAX_RETRY).build()).build()) {
            emu.faults().set(Fault.reply(429, Map.of("Retry-After", retryAfter),
                    "{\"errors\":[\"Rate limit for your current plan has been exceeded\"]}")
                    .on("POST", "/session.json").times(1));
            ApiRequest call = ApiRequest.get("/session.json");

            AuthException limited = Within.failure(client.execute(call));
            assertThat(limited).isInstanceOf(RateLimitedException.class);
            Duration sent = ((RateLimitedException) limited).retryAfter().orElseThrow();
            if (expected != null) {
                assertThat(sent).as("the server's value, as sent").isEqualTo(expected);
                assertThat(limited.getMessage()).contains("Retry-After: " + expected.toSeconds() + " s");
            } else {
                assertThat(sent).isGreaterThan(Duration.ofDays(365 * 7000L));
            }

            long start = System.nanoTime();
            while (true) {
                try {
                    Within.result(client.execute(call));
                    break;
                } catch (AssertionError stillBackingOff) {
                    assertThat(Duration.ofNanos(System.nanoTime() - start))
                            .as("still refused after the max retry interval").isLessThan(Duration.ofSeconds(5));
                    sleep();
                }
            }
            assertThat(emu.stats(QuickBloxFixture.APP_ID).sessionsCreated()).isEqualTo(1);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
