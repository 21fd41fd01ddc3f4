package io.qbauth.e2e.faults;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.Session;
import io.qbauth.domain.TransportException;
import io.qbauth.domain.User;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reply is damaged after the server did the work (a reset mid-body, a stall, a delay past the timeout, truncated
 * or invalid JSON): the SDK reports a {@link TransportException} (IO, TIMEOUT) or a {@link ProtocolException} within
 * its request timeout, never sends the call again (its outcome is unknown), and the next call works.
 */
@Timeout(60)
class ConnectionFaultsE2eTest {

    /** Time out within the request timeout plus a margin for a loaded machine. */
    private static final Duration TIMEOUT_BOUND = FaultySdk.REQUEST_TIMEOUT.plusSeconds(4);

    @RegisterExtension
    static final FaultyEmulator EMULATOR = new FaultyEmulator();

    private final QbEmulator emu = EMULATOR.emulator();

    @TransportTest
    void a_reset_mid_reply_on_a_sign_up_is_an_IO_failure_and_the_post_is_not_replayed(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            long signups = emu.stats(APP_ID).signupsCreated();
            FaultRule rule = emu.faults().set(Fault.connectionReset().on("POST", "/users.json"));

            AuthException failure = Within.failure(sdk.client().signUp(Users.fresh()));

            assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.IO));
            assertThat(failure.status()).isZero();
            assertThat(emu.stats(APP_ID).signupsCreated()).as("the server did sign the user up").isEqualTo(signups + 1);
            assertThat(rule.strikes()).as("the POST was sent exactly once").isEqualTo(1);
            assertThat(sdk.recorder().sent("POST", "/users.json")).hasSize(1);

            rule.remove();
            assertThat(Within.result(sdk.client().signUp(Users.fresh())).id()).as("recovered").isPositive();
        }
    }

    @TransportTest
    void a_reset_on_session_creation_fails_the_creation_once_then_a_new_one_succeeds(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            FaultRule rule = emu.faults().set(Fault.connectionReset().on("POST", "/session.json").times(1));

            AuthException failure = Within.failure(sdk.client().createUserSession(
                    Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)));

            assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.IO));
            assertThat(rule.strikes()).isEqualTo(1);
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(1);
            Session session = Within.result(sdk.client().createUserSession(
                    Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)));
            assertThat(session.userId()).isPositive();
        }
    }

    @TransportTest
    void a_reply_that_never_ends_times_out_within_the_request_timeout(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            FaultRule rule = emu.faults().set(Fault.neverEnds().on("POST", "/users.json"));
            AtomicReference<AuthException> failure = new AtomicReference<>();

            Duration took = Within.timed(() -> failure.set(Within.failure(sdk.client().signUp(Users.fresh()))));

            assertThat(failure.get()).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            assertThat(took).isGreaterThanOrEqualTo(FaultySdk.REQUEST_TIMEOUT.minusMillis(50))
                    .isLessThan(TIMEOUT_BOUND);
            assertThat(rule.strikes()).as("not replayed").isEqualTo(1);
            rule.remove();
            assertThat(Within.result(sdk.client().signUp(Users.fresh())).id()).isPositive();
        }
    }

    @TransportTest
    void a_never_ending_session_creation_times_out_and_leaves_no_session(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            emu.faults().set(Fault.neverEnds().on("POST", "/session.json").times(1));

            AuthException failure = Within.failure(sdk.client().createApplicationSession());

            assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            assertThat(sdk.client().currentSession()).isEmpty();
            assertThat(Within.result(sdk.client().createApplicationSession()).token()).isNotNull();
        }
    }

    @TransportTest
    void latency_past_the_timeout_is_a_TIMEOUT_and_the_post_is_not_replayed(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            FaultRule slow = emu.faults().set(Fault.latency(Duration.ofSeconds(3)).on("POST", "/users.json"));
            AtomicReference<AuthException> failure = new AtomicReference<>();

            Duration took = Within.timed(() -> failure.set(Within.failure(sdk.client().signUp(Users.fresh()))));

            assertThat(failure.get()).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            assertThat(took).isLessThan(TIMEOUT_BOUND);
            assertThat(slow.strikes()).isEqualTo(1);
            assertThat(sdk.recorder().sent("POST", "/users.json")).hasSize(1);
        }
    }

    @TransportTest
    void latency_under_the_timeout_only_slows_the_call(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            emu.faults().set(Fault.latency(Duration.ofMillis(150)));
            AtomicReference<User> user = new AtomicReference<>();

            Duration took = Within.timed(() -> user.set(Within.result(sdk.client().login(
                    Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)))));

            assertThat(user.get().login()).hasValue(ALICE_LOGIN);
            assertThat(took).as("two calls, each 150 ms late").isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @TransportTest
    void truncated_json_on_session_creation_is_a_ProtocolException(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            emu.faults().set(Fault.truncatedJson().on("POST", "/session.json").times(1));

            AuthException failure = Within.failure(sdk.client().createApplicationSession());

            assertThat(failure).isInstanceOf(ProtocolException.class);
            assertThat(failure.status()).isEqualTo(201);
            assertThat(sdk.client().currentSession()).isEmpty();
            assertThat(Within.result(sdk.client().createApplicationSession()).token()).isNotNull();
        }
    }

    @TransportTest
    void invalid_json_on_login_is_a_ProtocolException_and_the_application_session_stays(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Session before = Within.result(sdk.client().createApplicationSession());
            emu.faults().set(Fault.invalidJson().on("POST", "/login.json").times(1));

            AuthException failure = Within.failure(sdk.client().login(Credentials.login(ALICE_LOGIN,
                    ALICE_PASSWORD)));

            assertThat(failure).isInstanceOf(ProtocolException.class);
            assertThat(failure.getMessage()).doesNotContain(before.token().value());
            assertThat(sdk.client().currentSession()).map(Session::token).hasValue(before.token());
            assertThat(sdk.recorder().sent("POST", "/login.json")).hasSize(1);
        }
    }

    @TransportTest
    void invalid_json_in_an_error_reply_is_a_ProtocolException(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            emu.faults().set(Fault.invalidJson().on("POST", "/session.json").times(1));

            AuthException failure = Within.failure(sdk.client().createUserSession(
                    Credentials.login(ALICE_LOGIN, "Wrong-Passw0rd")));

            assertThat(failure).as("a 401 without a QuickBlox envelope").isInstanceOf(ProtocolException.class);
            assertThat(failure.status()).isEqualTo(401);
        }
    }
}
