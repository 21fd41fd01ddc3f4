package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.CreationReason;
import io.qbauth.event.AuthEvent.InvalidationOutcome;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.Outcome;
import io.qbauth.event.AuthEvent.ReplayResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerAuthEventListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerAuthEventListener listener =
            new MicrometerAuthEventListener(new Meters(registry, Tags.empty()));

    @Test
    void creations_are_counted_by_kind_method_reason_and_result() {
        listener.onEvent(new AuthEvent.SessionCreated(SessionKind.USER, AuthMethod.FIREBASE_PHONE,
                CreationReason.REJECTED_BY_SERVER, Duration.ofMillis(12)));
        listener.onEvent(new AuthEvent.SessionCreationFailed(SessionKind.APPLICATION, AuthMethod.APPLICATION,
                CreationReason.INITIAL, "ServerException", Duration.ofMillis(30)));

        assertThat(count("qbauth.session.creations", "session.kind", "user", "auth.method", "firebase_phone",
                "reason", "rejected_by_server", "result", "success")).isEqualTo(1);
        assertThat(count("qbauth.session.creations", "session.kind", "application", "auth.method", "none",
                "reason", "initial", "result", "failure")).isEqualTo(1);
    }

    @Test
    void creations_are_timed_by_kind_method_and_outcome() {
        listener.onEvent(new AuthEvent.SessionCreated(SessionKind.USER, AuthMethod.LOGIN,
                CreationReason.INITIAL, Duration.ofMillis(12)));
        listener.onEvent(new AuthEvent.SessionCreated(SessionKind.USER, AuthMethod.LOGIN,
                CreationReason.PREFETCH, Duration.ofMillis(8)));
        listener.onEvent(new AuthEvent.SessionCreationFailed(SessionKind.APPLICATION, AuthMethod.APPLICATION,
                CreationReason.INITIAL, "ServerException", Duration.ofMillis(30)));

        Timer users = registry.get(QbAuthMetrics.SESSION_CREATION).tags("session.kind", "user", "auth.method", "login",
                "outcome", "success").timer();
        assertThat(users.count()).isEqualTo(2);
        assertThat(users.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20);
        assertThat(registry.get(QbAuthMetrics.SESSION_CREATION).tags("session.kind", "application", "auth.method",
                "none", "outcome", "failure").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
    }

    @Test
    void a_completed_operation_is_timed_with_the_tags_the_client_decorator_used() {
        listener.onEvent(new AuthEvent.OperationCompleted(Operation.EXECUTE, SessionKind.USER, null, Outcome.SUCCESS,
                Duration.ofMillis(5)));
        listener.onEvent(new AuthEvent.OperationCompleted(Operation.SIGN_UP_WITH_API_KEY, null, null,
                Outcome.VALIDATION, Duration.ofMillis(7)));
        listener.onEvent(new AuthEvent.OperationCompleted(Operation.CREATE_USER_SESSION, SessionKind.USER,
                AuthMethod.FIREBASE_PHONE, Outcome.OTHER, Duration.ofMillis(9)));

        assertThat(registry.get(QbAuthMetrics.OPERATIONS).tags("operation", "api_call", "session.kind", "user",
                "auth.method", "none", "outcome", "success", "exception", "none").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(registry.get(QbAuthMetrics.OPERATIONS).tags("operation", "sign_up", "session.kind", "none",
                "auth.method", "api_key", "outcome", "failure", "exception", "ValidationException").timer().count())
                .isOne();
        assertThat(registry.get(QbAuthMetrics.OPERATIONS).tags("operation", "create_session", "auth.method",
                "firebase_phone", "exception", "other").timer().count()).isOne();
    }

    @Test
    void every_failure_outcome_names_its_auth_exception_subtype() {
        assertThat(Arrays.stream(Outcome.values()).filter(o -> o != Outcome.SUCCESS && o != Outcome.OTHER)
                .map(TagValues::exception))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(
                        io.qbauth.domain.AuthException.class.getPermittedSubclasses()).map(Class::getSimpleName)
                        .toList());
    }

    @Test
    void every_other_event_has_its_counter() {
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
    void a_null_event_is_ignored() {
        listener.onEvent(null);

        assertThat(registry.getMeters()).isEmpty();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }
}
