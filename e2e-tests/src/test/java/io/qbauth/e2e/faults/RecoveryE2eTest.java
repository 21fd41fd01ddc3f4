package io.qbauth.e2e.faults;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.RecordingTransport.Sent;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * The server loses its sessions (a restart, or its clock jumps past the TTL) or refuses session creations for a
 * while: once it is back, the next call re-creates a session of the same kind (a user stays that user) and succeeds;
 * a call the server refused at authentication is the one call that is sent again.
 */
@Timeout(60)
class RecoveryE2eTest {

    private final QbEmulator emu = QuickBloxFixture.emulator().timestampWindow(Duration.ofDays(1)).start();

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    @TransportTest
    void after_a_restart_the_next_call_recreates_the_application_session(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Session before = Within.result(sdk.client().createApplicationSession());
            long aliceId = FaultySdk.aliceId(transport, emu);

            assertThat(emu.restart()).isPositive();
            int status = Within.result(sdk.client().execute(ApiRequest.get("/users/" + aliceId + ".json"))).status();

            assertThat(status).isEqualTo(200);
            Session after = sdk.client().currentSession().orElseThrow();
            assertThat(after.kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(after.token()).isNotEqualTo(before.token());
            assertThat(sdk.recorder().sent("GET", "/users/" + aliceId + ".json")).extracting(Sent::token)
                    .containsExactly(before.token().value(), after.token().value());
        }
    }

    @TransportTest
    void after_a_restart_a_user_session_comes_back_as_the_same_user(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Session before = Within.result(sdk.client().createUserSession(Credentials.login(ALICE_LOGIN,
                    ALICE_PASSWORD)));
            long userSessions = emu.stats(APP_ID).sessionsCreatedByKind().get("user");

            emu.restart();
            Within.result(sdk.client().execute(ApiRequest.get("/users/" + before.userId() + ".json")));
            Session described = Within.result(sdk.client().getSession());

            assertThat(described.kind()).isEqualTo(SessionKind.USER);
            assertThat(described.userId()).isEqualTo(before.userId());
            assertThat(described.token()).isNotEqualTo(before.token());
            assertThat(emu.stats(APP_ID).sessionsCreatedByKind().get("user")).isEqualTo(userSessions + 1);
            assertThat(emu.stats(APP_ID).sessionsCreatedByKind().get("application")).isZero();
        }
    }

    @TransportTest
    void a_logged_in_user_is_logged_in_again_after_a_restart(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            long aliceId = Within.result(sdk.client().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD))).id();

            emu.restart();
            int status = Within.result(sdk.client().execute(ApiRequest.put("/users/" + aliceId + ".json")
                    .jsonBody("{\"user\":{\"full_name\":\"Alice After Restart\"}}".getBytes()))).status();

            assertThat(status).as("a PUT that needs the user session").isEqualTo(200);
            Session after = sdk.client().currentSession().orElseThrow();
            assertThat(after.kind()).isEqualTo(SessionKind.USER);
            assertThat(after.userId()).isEqualTo(aliceId);
        }
    }

    @TransportTest
    void a_post_refused_for_a_lost_session_is_sent_once_more_and_takes_effect_once(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            long signups = emu.stats(APP_ID).signupsCreated();

            emu.restart();
            long id = Within.result(sdk.client().signUp(Users.fresh())).id();

            assertThat(id).isPositive();
            assertThat(sdk.recorder().sent("POST", "/users.json")).as("401 at authentication, then once more")
                    .hasSize(2);
            assertThat(emu.stats(APP_ID).signupsCreated()).isEqualTo(signups + 1);
        }
    }

    @TransportTest
    void a_clock_jump_past_the_ttl_expires_the_session_and_the_sdk_recreates_it(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Session before = Within.result(sdk.client().createUserSession(Credentials.login(ALICE_LOGIN,
                    ALICE_PASSWORD)));

            emu.jumpClock(QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.plusMinutes(1));
            int status = Within.result(sdk.client().execute(ApiRequest.get("/users/" + before.userId() + ".json")))
                    .status();

            assertThat(status).isEqualTo(200);
            assertThat(sdk.client().currentSession().orElseThrow().userId()).isEqualTo(before.userId());
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(2);
        }
    }

    @TransportTest
    void session_creations_refused_for_a_while_recover_after_the_back_off(TransportUnderTest transport) {
        TestClock sdkClock = TestClock.startingNow();
        try (Sdk sdk = FaultySdk.start(transport, emu, builder -> builder.clock(sdkClock))) {
            ApiRequest call = ApiRequest.get("/users/" + FaultySdk.aliceId(transport, emu) + ".json");
            FaultRule outage = emu.faults().set(Fault.unavailable(Duration.ofSeconds(1)).on("POST", "/session.json"));

            AuthException first = Within.failure(sdk.client().execute(call));
            AuthException duringBackOff = Within.failure(sdk.client().execute(call));
            sdkClock.advance(FaultySdk.QUICK_RETRY.minRetryInterval().plusSeconds(1));
            AuthException retried = Within.failure(sdk.client().execute(call));

            assertThat(first).isInstanceOf(ServerException.class);
            assertThat(duringBackOff).isSameAs(first);
            assertThat(retried).isInstanceOf(ServerException.class).isNotSameAs(first);
            assertThat(outage.strikes()).as("one creation per back-off window").isEqualTo(2);

            outage.remove();
            sdkClock.advance(FaultySdk.QUICK_RETRY.maxRetryInterval().plusSeconds(1));
            assertThat(Within.result(sdk.client().execute(call)).status()).isEqualTo(200);
            assertThat(sdk.recorder().sent("GET", call.path())).as("sent only once a session existed").hasSize(1);
        }
    }
}
