package io.qbauth.adapter.metrics.micrometer.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.InMemoryQuickBlox;
import io.qbauth.adapter.metrics.micrometer.support.ObservationRecorder;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.User;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.event.AuthScope;
import io.qbauth.testkit.TestClock;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An observation handler, or an instrumentation, that throws (a {@link RuntimeException} or an {@link Error}) at
 * any step never breaks a call: every call of a journey completes within a bound, with its own result or failure.
 */
class ThrowingInstrumentationTest {

    private static final long BOUND_SECONDS = 10;

    /** Where a handler throws. */
    enum Step { START, ERROR, STOP }

    /** What it throws. */
    enum Thrown {
        RUNTIME_EXCEPTION(() -> new IllegalStateException("handler failed")),
        ERROR(() -> new LinkageError("handler failed hard"));

        private final Supplier<Throwable> throwable;

        Thrown(Supplier<Throwable> throwable) {
            this.throwable = throwable;
        }

        void raise() {
            Throwable t = throwable.get();
            if (t instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) t;
        }
    }

    @ParameterizedTest
    @EnumSource(Thrown.class)
    void an_observation_handler_that_throws_at_any_step_breaks_no_call(Thrown thrown) throws Exception {
        for (Step step : Step.values()) {
            ObservationRegistry registry = ObservationRegistry.create();
            ObservationRecorder recorder = new ObservationRecorder();
            registry.observationConfig().observationHandler(recorder)
                    .observationHandler(new ThrowingHandler(step, thrown));
            TestClock clock = TestClock.followingSystem();
            try (QbEmulator emulator = Emulators.builder(clock).start();
                 QbAuthClient client = QbAuthObservations.instrument(Emulators.client(emulator), registry).build()) {
                journey(client, Emulators.ALICE, Emulators.ALICE_PASSWORD, "not-" + Emulators.ALICE_PASSWORD);
            }
            assertThat(recorder.named(QbAuthObservations.OPERATION)).as("observed despite %s on %s", thrown, step)
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Thrown.class)
    void an_instrumentation_that_throws_or_returns_null_breaks_no_call(Thrown thrown) throws Exception {
        AuthInstrumentation startThrows = (activity, parent) -> {
            thrown.raise();
            return AuthScope.NONE;
        };
        AuthInstrumentation returnsNull = (activity, parent) -> null;
        AuthInstrumentation stopThrows = (activity, parent) -> failure -> thrown.raise();
        for (AuthInstrumentation instrumentation : new AuthInstrumentation[] {startThrows, returnsNull, stopThrows}) {
            InMemoryQuickBlox quickBlox = new InMemoryQuickBlox();
            try (QbAuthClient client = QbAuth.builder().endpoint(URI.create("https://qb.example")).applicationId(1)
                    .authKey("key").authSecret("secret").transport(quickBlox).instrumentation(instrumentation)
                    .build()) {
                journey(client, "someone", "right-password", InMemoryQuickBlox.WRONG_PASSWORD);
            }
        }
    }

    /** Every operation, each within the bound, with its own outcome. */
    private static void journey(QbAuthClient client, String login, String password, String wrongPassword)
            throws Exception {
        assertThat(done(client.createApplicationSession()).token()).isNotNull();
        assertThatThrownBy(() -> done(client.login(Credentials.login(login, wrongPassword))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidCredentialsException.class);
        User user = done(client.login(Credentials.login(login, password)));
        assertThat(done(client.execute(ApiRequest.get("/users/{id}.json", user.id()))).status()).isEqualTo(200);
        assertThat(done(client.getSession())).isNotNull();
        done(client.logout());
        done(client.destroySession());
        assertThat(done(client.getSession())).isNotNull();
    }

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    /** Throws at one step of every observation. */
    private record ThrowingHandler(Step step, Thrown thrown) implements ObservationHandler<Observation.Context> {
        @Override
        public void onStart(Observation.Context context) {
            if (step == Step.START) {
                thrown.raise();
            }
        }

        @Override
        public void onError(Observation.Context context) {
            if (step == Step.ERROR) {
                thrown.raise();
            }
        }

        @Override
        public void onStop(Observation.Context context) {
            if (step == Step.STOP) {
                thrown.raise();
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
