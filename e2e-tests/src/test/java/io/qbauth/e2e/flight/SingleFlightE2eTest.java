package io.qbauth.e2e.flight;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.RecordingTransport;
import io.qbauth.e2e.support.RecordingTransport.Sent;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/**
 * Many callers, one session creation: counted by the emulator. The creation request is held in flight (the
 * {@link RecordingTransport} gate) until every caller has joined, so the test cannot pass by luck of timing.
 */
class SingleFlightE2eTest {

    private static final int CALLERS = 500;
    private static final Duration PAST_THE_TTL = QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.plusMinutes(1);
    private static final long WAIT_SECONDS = 30;

    private final TestClock clock = TestClock.startingNow();
    private final QbEmulator emulator = QuickBloxFixture.emulator().clock(clock)
            .timestampWindow(Duration.ofDays(1)).start();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @TransportTest
    void five_hundred_callers_on_a_session_the_client_knows_expired_share_one_creation(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator, builder -> builder.clock(clock))) {
            Session expired = sdk.blocking().createApplicationSession();
            clock.advance(PAST_THE_TTL);
            long createdBefore = emulator.stats(APP_ID).sessionsCreated();

            List<Session> sessions = joinAll(inOneFlight(sdk, () -> sdk.client().getSession()));

            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(createdBefore + 1);
            assertThat(sessions).extracting(Session::token).containsOnly(sessions.getFirst().token())
                    .doesNotContain(expired.token());
        }
    }

    @TransportTest
    void five_hundred_callers_rejected_with_a_session_the_server_expired_share_one_creation_and_replay_once(
            TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            long aliceId = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).userId();
            String userPath = "/users/" + aliceId + ".json";
            clock.advance(PAST_THE_TTL);
            long createdBefore = emulator.stats(APP_ID).sessionsCreated();

            List<ApiResponse> replies = joinAll(inOneFlight(sdk, () -> sdk.client().execute(ApiRequest.get(userPath))));

            assertThat(replies).extracting(ApiResponse::status).containsOnly(200);
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(createdBefore + 1);
            Session now = sdk.client().currentSession().orElseThrow();
            assertThat(now.kind()).isEqualTo(SessionKind.USER);
            assertThat(now.userId()).isEqualTo(aliceId);
            List<Sent> replays = sdk.recorder().sent("GET", userPath).stream()
                    .filter(sent -> sent.token().equals(now.token().value())).toList();
            assertThat(replays).as("each caller replayed once, all with the one new token").hasSize(CALLERS);
        }
    }

    @TransportTest
    void a_caller_that_cancels_or_times_out_does_not_cancel_the_creation(TransportUnderTest transport)
            throws Exception {
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            sdk.recorder().holdWhere(RecordingTransport::isSessionCreation);
            CompletableFuture<Session> cancelled = sdk.client().getSession().toCompletableFuture();
            CompletableFuture<Session> impatient = sdk.client().getSession().toCompletableFuture()
                    .orTimeout(1, TimeUnit.MILLISECONDS);
            CompletableFuture<Session> patient = sdk.client().getSession().toCompletableFuture();
            assertThat(sdk.recorder().awaitHeld()).isTrue();

            cancelled.cancel(true);
            assertThat(impatient).failsWithin(Duration.ofSeconds(WAIT_SECONDS));
            sdk.recorder().release();

            assertThat(patient.get(WAIT_SECONDS, TimeUnit.SECONDS).kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(cancelled).isCancelled();
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(1);
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(1);
            assertThat(sdk.blocking().getSession().token()).isEqualTo(patient.join().token());
        }
    }

    @TransportTest
    void interrupting_the_blocking_caller_that_started_the_creation_does_not_end_it(TransportUnderTest transport)
            throws Exception {
        emulator.faults().set(Fault.latency(Duration.ofSeconds(1)).on("POST", "/session.json").times(1));
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            CompletableFuture<RuntimeException> starterFailure = new CompletableFuture<>();
            Thread starter = Thread.ofVirtual().start(() -> {
                try {
                    sdk.blocking().getSession();
                    starterFailure.complete(null);
                } catch (RuntimeException e) {
                    starterFailure.complete(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (emulator.openConnections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(emulator.openConnections()).as("the starter's creation reached the emulator").isPositive();
            CompletableFuture<Session> joined = sdk.client().getSession().toCompletableFuture();

            starter.interrupt();

            assertThat(starterFailure.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
            assertThat(joined.get(WAIT_SECONDS, TimeUnit.SECONDS).kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(1);
        }
    }

    @TransportTest
    void logout_during_a_user_session_creation_does_not_resurrect_the_user(TransportUnderTest transport)
            throws Exception {
        try (Sdk sdk = Sdk.start(transport, emulator, builder -> builder.clock(clock))) {
            long aliceId = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).userId();
            clock.advance(PAST_THE_TTL);
            sdk.recorder().holdWhere(RecordingTransport::isSessionCreation);
            CompletableFuture<ApiResponse> call = sdk.client()
                    .execute(ApiRequest.get("/users/" + aliceId + ".json")).toCompletableFuture();
            assertThat(sdk.recorder().awaitHeld()).as("the user session's re-creation is in flight").isTrue();

            CompletableFuture<Void> logout = sdk.client().logout().toCompletableFuture();
            sdk.recorder().release();
            logout.get(WAIT_SECONDS, TimeUnit.SECONDS);
            call.handle((reply, failure) -> null).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(sdk.client().currentSession().map(Session::kind)).as("no user session published after logout")
                    .isNotEqualTo(Optional.of(SessionKind.USER));
            Session next = sdk.blocking().getSession();
            assertThat(next.kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(next.userId()).isZero();
        }
    }

    /**
     * Starts {@link #CALLERS} calls while the session creation is held, checks they all wait on that one creation,
     * then lets it through.
     */
    private static <T> List<CompletableFuture<T>> inOneFlight(Sdk sdk, Supplier<CompletionStage<T>> call) {
        sdk.recorder().holdWhere(RecordingTransport::isSessionCreation);
        List<CompletableFuture<T>> calls = new ArrayList<>(CALLERS);
        List<Thread> starters = new ArrayList<>(CALLERS);
        for (int i = 0; i < CALLERS; i++) {
            starters.add(Thread.ofVirtual().start(() -> {
                CompletableFuture<T> started = call.get().toCompletableFuture();
                synchronized (calls) {
                    calls.add(started);
                }
            }));
        }
        try {
            for (Thread starter : starters) {
                starter.join();
            }
            assertThat(sdk.recorder().awaitHeld()).as("a creation is in flight").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(calls).hasSize(CALLERS).noneMatch(CompletableFuture::isDone);
        sdk.recorder().release();
        return calls;
    }

    private static <T> List<T> joinAll(List<CompletableFuture<T>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .join();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
