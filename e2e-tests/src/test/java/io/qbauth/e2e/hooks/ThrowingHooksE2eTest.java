package io.qbauth.e2e.hooks;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.codec.jackson.JacksonJsonCodec;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.UnexpectedFailureException;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.event.AuthEvent;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.SessionStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Application code inside the SDK — the credentials supplier, event listeners, the session store, the clock, the
 * codec and the transport — throws a {@link RuntimeException}, an {@link Error} or (sneakily) a checked exception,
 * at every point it is called. Whatever it throws, every call ends within {@link Within#BOUND} (never thrown from
 * the asynchronous API: a failed stage), no flight is left uncompleted, and the client keeps working once the hook
 * behaves again. Each scenario runs on every transport with each kind of throwable.
 */
@Timeout(120)
class ThrowingHooksE2eTest {

    private static final Duration SHORT_RETRY = Duration.ofMillis(20);

    private final QbEmulator emu = QuickBloxFixture.emulator().timestampWindow(Duration.ofDays(1)).start();

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    static Stream<Arguments> cases() {
        return TransportUnderTest.all().flatMap(transport -> Arrays.stream(Throwables.values())
                .map(kind -> Arguments.of(transport, kind)));
    }

    /** The reproduction: a supplier that throws once used to wedge every later call until close(). */
    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_credentials_supplier_that_throws_once_fails_one_creation_and_the_next_calls_recover(
            TransportUnderTest transport, Throwables kind) {
        AtomicBoolean armed = new AtomicBoolean();
        Credentials alice = Credentials.login(ALICE_LOGIN, ALICE_PASSWORD);
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire)).credentialsSupplier(() -> {
                 if (armed.getAndSet(false)) {
                     throw kind.create("supplier");
                 }
                 return CompletableFuture.completedFuture(alice);
             }).build()) {
            Session before = Within.result(client.createUserSession(alice));
            ApiRequest call = ApiRequest.get("/users/" + before.userId() + ".json");

            emu.restart();
            armed.set(true);
            Calls.end(client.execute(call));

            Calls.succeedEventually(() -> client.execute(call));
            assertThat(client.currentSession().orElseThrow().userId()).isEqualTo(before.userId());
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void listeners_that_throw_on_every_event_never_hold_a_call_up(TransportUnderTest transport, Throwables kind) {
        CountingListener counting = new CountingListener();
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire))
                     .listener(event -> {
                         throw kind.create("listener on " + event.getClass().getSimpleName());
                     })
                     .listener(counting).build()) {
            Session created = Within.result(client.createApplicationSession());
            ApiRequest call = ApiRequest.get("/users/" + aliceId(wire) + ".json");
            Within.result(client.execute(call));

            emu.restart(); // SessionInvalidated, SessionExpired, SessionCreated, SessionRecreated, RequestReplayed
            Within.result(client.execute(call));

            emu.faults().set(Fault.serverError().on("POST", "/session.json").times(1));
            emu.restart(); // SessionCreationFailed
            Calls.end(client.execute(call));
            Calls.succeedEventually(() -> client.execute(call));

            Within.result(client.login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD))); // LoggedIn
            Within.result(client.logout()); // LoggedOut
            Within.result(client.destroySession()); // SessionDestroyed
            assertThat(created.kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(counting.seen).as("the listener behind the throwing one got every event")
                    .hasValueGreaterThanOrEqualTo(10);
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_session_store_that_throws_keeps_the_session_in_memory(TransportUnderTest transport, Throwables kind) {
        SessionStore throwing = new SessionStore() {
            @Override
            public java.util.Optional<Session> load() {
                return java.util.Optional.empty();
            }

            @Override
            public void save(Session session) {
                throw kind.create("store save");
            }

            @Override
            public void clear() {
                throw kind.create("store clear");
            }
        };
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire)).sessionStore(throwing).build()) {
            Session created = Within.result(client.createApplicationSession());
            ApiRequest call = ApiRequest.get("/users/" + aliceId(wire) + ".json");

            emu.restart(); // invalidation clears the store, the re-creation saves
            Within.result(client.execute(call));
            Within.result(client.destroySession());

            assertThat(client.currentSession()).isEmpty();
            assertThat(created.token()).isNotNull();
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_session_store_that_throws_on_load_fails_the_build_with_a_typed_error(TransportUnderTest transport,
                                                                              Throwables kind) {
        SessionStore throwing = new SessionStore() {
            @Override
            public java.util.Optional<Session> load() {
                throw kind.create("store load");
            }

            @Override
            public void save(Session session) {
            }

            @Override
            public void clear() {
            }
        };
        try (AuthTransport wire = transport.create()) {
            QbAuth.Builder builder = QuickBloxFixture.client(emu, wire).sessionStore(throwing);
            Throwable thrown = Calls.thrownBy(builder::build);
            assertThat(thrown).isInstanceOf(ConfigurationException.class).hasMessageContaining("SessionStore");
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_clock_that_throws_at_any_point_of_a_call_never_leaves_it_or_its_flight_hanging(
            TransportUnderTest transport, Throwables kind) {
        ThrowingClock clock = new ThrowingClock(kind);
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire, clock)).build()) {
            ApiRequest call = ApiRequest.get("/users/" + aliceId(wire) + ".json");
            Within.result(client.createApplicationSession());
            for (int nthRead = 1; nthRead <= 10; nthRead++) {
                emu.restart(); // the next call fails, invalidates, re-creates and replays: many clock reads
                clock.throwOnRead(nthRead);
                Calls.end(client.execute(call));
                clock.disarm();
                Calls.succeedEventually(() -> client.execute(call));
            }
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_codec_that_throws_fails_the_call_and_the_next_creation_succeeds(TransportUnderTest transport,
                                                                          Throwables kind) {
        ThrowingCodec codec = new ThrowingCodec(new JacksonJsonCodec(), kind);
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire)).codec(codec).build()) {
            codec.arm();
            Calls.end(client.createApplicationSession());
            Within.result(client.createApplicationSession());

            ApiRequest call = ApiRequest.get("/users/" + aliceId(wire) + ".json");
            emu.restart();
            codec.arm(); // the re-creation's reply cannot be read
            Calls.end(client.execute(call));
            Calls.succeedEventually(() -> client.execute(call));
        }
    }

    /** Issue 11 §5: it used to surface as a {@code SessionExpiredException}, which said nothing of the codec. */
    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_codec_that_throws_is_reported_as_an_unexpected_failure_of_the_codec(TransportUnderTest transport,
                                                                              Throwables kind) {
        ThrowingCodec codec = new ThrowingCodec(new JacksonJsonCodec(), kind);
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire)).codec(codec).build()) {
            codec.arm();

            AuthException failure = Within.failure(client.createApplicationSession());

            assertThat(failure).isInstanceOf(UnexpectedFailureException.class)
                    .hasMessageContaining("JSON codec").hasMessageContaining("POST /session.json")
                    .hasRootCauseMessage("thrown by the test's codec");
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_clock_that_throws_while_a_session_is_created_is_reported_as_an_unexpected_failure(
            TransportUnderTest transport, Throwables kind) {
        ThrowingClock clock = new ThrowingClock(kind);
        try (AuthTransport wire = transport.create();
             QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire, clock)).build()) {
            AuthException failure = null;
            for (int nthRead = 1; nthRead <= 10 && !(failure instanceof UnexpectedFailureException); nthRead++) {
                clock.throwOnRead(nthRead);
                try {
                    client.createApplicationSession().toCompletableFuture().join();
                } catch (java.util.concurrent.CompletionException e) {
                    failure = (AuthException) e.getCause();
                } finally {
                    clock.disarm();
                }
            }

            assertThat(failure).as("some clock read fails the creation").isNotNull()
                    .isInstanceOfAny(UnexpectedFailureException.class)
                    .hasRootCauseMessage("thrown by the test's clock");
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("cases")
    void a_transport_that_throws_or_fails_with_anything_fails_the_call_typed(TransportUnderTest transport,
                                                                            Throwables kind) {
        try (AuthTransport wire = transport.create()) {
            ThrowingTransport throwing = new ThrowingTransport(wire, kind);
            try (QbAuthClient client = quickRetries(QuickBloxFixture.client(emu, wire))
                    .decorateTransport(ignored -> throwing).build()) {
                for (ThrowingTransport.Mode mode : ThrowingTransport.Mode.values()) {
                    throwing.next(mode);
                    Calls.end(client.createApplicationSession());
                    Within.result(client.createApplicationSession());

                    ApiRequest call = ApiRequest.get("/users/" + aliceId(wire) + ".json");
                    emu.restart();
                    throwing.next(mode);
                    Calls.end(client.execute(call));
                    Calls.succeedEventually(() -> client.execute(call));
                }
            }
        }
    }

    private static QbAuth.Builder quickRetries(QbAuth.Builder builder) {
        return builder.refreshPolicy(io.qbauth.config.RefreshPolicy.custom().minRetryInterval(SHORT_RETRY)
                .maxRetryInterval(SHORT_RETRY).build());
    }

    private long aliceId(AuthTransport wire) {
        try (QbAuthClient other = QuickBloxFixture.client(emu, wire).build()) {
            return Within.result(other.createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD))).userId();
        }
    }

    /** A listener that counts, behind the throwing one: it must still see every event. */
    private static final class CountingListener implements io.qbauth.event.AuthEventListener {
        private final java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onEvent(AuthEvent event) {
            seen.incrementAndGet();
        }
    }
}
