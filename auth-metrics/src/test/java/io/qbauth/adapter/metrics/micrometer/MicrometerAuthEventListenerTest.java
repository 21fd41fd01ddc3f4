package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.CreationReason;
import io.qbauth.event.AuthEvent.InvalidationOutcome;
import io.qbauth.event.AuthEvent.ReplayResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerAuthEventListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerAuthEventListener listener =
            new MicrometerAuthEventListener(new Meters(registry, QbAuthMetricsOptions.ofDefaults()));

    @Test
    void creationsAreCountedByKindMethodReasonAndResult() {
        listener.onEvent(new AuthEvent.SessionCreated(SessionKind.USER, AuthMethod.FIREBASE_PHONE,
                CreationReason.REJECTED_BY_SERVER, Duration.ofMillis(12)));
        listener.onEvent(new AuthEvent.SessionCreationFailed(SessionKind.APPLICATION, AuthMethod.APPLICATION,
                CreationReason.INITIAL, "ServerException"));

        assertThat(count("qbauth.session.creations", "session.kind", "user", "auth.method", "firebase_phone",
                "reason", "rejected_by_server", "result", "success")).isEqualTo(1);
        assertThat(count("qbauth.session.creations", "session.kind", "application", "auth.method", "none",
                "reason", "initial", "result", "failure")).isEqualTo(1);
    }

    @Test
    void everyOtherEventHasItsCounter() {
        listener.onEvent(new AuthEvent.FlightJoined(SessionKind.APPLICATION));
        listener.onEvent(new AuthEvent.FlightJoined(SessionKind.APPLICATION));
        listener.onEvent(new AuthEvent.SessionInvalidated(InvalidationOutcome.ALREADY_REPLACED));
        listener.onEvent(new AuthEvent.SessionExpired(SessionKind.USER));
        listener.onEvent(new AuthEvent.SessionRecreated(SessionKind.USER));
        listener.onEvent(new AuthEvent.RequestReplayed("post", ReplayResult.SKIPPED_NOT_REPLAYABLE));
        listener.onEvent(new AuthEvent.RequestReplayed("BREW", ReplayResult.REPLAYED));
        listener.onEvent(new AuthEvent.SessionDestroyed(SessionKind.APPLICATION));
        listener.onEvent(new AuthEvent.LoggedIn(AuthMethod.CUSTOM_IDENTITY));
        listener.onEvent(new AuthEvent.LoggedOut());

        assertThat(count("qbauth.session.flight.joins", "session.kind", "application")).isEqualTo(2);
        assertThat(count("qbauth.session.invalidations", "outcome", "already_replaced")).isEqualTo(1);
        assertThat(count("qbauth.session.expirations", "session.kind", "user")).isEqualTo(1);
        assertThat(count("qbauth.session.recreations", "session.kind", "user")).isEqualTo(1);
        assertThat(count("qbauth.reauth.replays", "method", "POST", "result", "skipped_not_replayable")).isEqualTo(1);
        assertThat(count("qbauth.reauth.replays", "method", "OTHER", "result", "replayed")).isEqualTo(1);
        assertThat(count("qbauth.session.destructions", "session.kind", "application")).isEqualTo(1);
        assertThat(count("qbauth.logins", "auth.method", "custom")).isEqualTo(1);
        assertThat(count("qbauth.logouts")).isEqualTo(1);
    }

    @Test
    void aNullEventIsIgnored() {
        listener.onEvent(null);

        assertThat(registry.getMeters()).isEmpty();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }
}
