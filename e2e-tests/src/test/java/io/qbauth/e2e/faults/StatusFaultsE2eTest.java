package io.qbauth.e2e.faults;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.Session;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server refuses a call (500, 503, 429, a proxy's HTML 502): the SDK reports the typed error with the status and
 * the {@code Retry-After}, sends the call exactly once (never replays a non-idempotent call after a 5xx or 429),
 * holds back session creations for the {@code Retry-After} it was given, and recovers once the fault is gone.
 */
@Timeout(60)
class StatusFaultsE2eTest {

    @RegisterExtension
    static final FaultyEmulator EMULATOR = new FaultyEmulator();

    private final QbEmulator emu = EMULATOR.emulator();

    @TransportTest
    void a_500_on_a_sign_up_is_a_ServerException_and_the_post_is_sent_once(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            FaultRule rule = emu.faults().set(Fault.serverError().on("POST", "/users.json"));

            AuthException failure = Within.failure(sdk.client().signUp(Users.fresh()));

            assertThat(failure).isInstanceOf(ServerException.class);
            assertThat(failure.status()).isEqualTo(500);
            assertThat(failure.messages()).containsExactly("Internal Server Error");
            assertThat(rule.strikes()).as("sent exactly once").isEqualTo(1);
            assertThat(sdk.recorder().sent("POST", "/users.json")).hasSize(1);

            rule.remove();
            assertThat(Within.result(sdk.client().signUp(Users.fresh())).id()).as("recovered").isPositive();
        }
    }

    @TransportTest
    void a_503_on_session_creation_is_a_ServerException_and_the_next_creation_succeeds(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            FaultRule rule = emu.faults().set(Fault.unavailable(Duration.ofSeconds(1)).on("POST", "/session.json")
                    .times(1));
            long created = emu.stats(APP_ID).sessionsCreated();

            AuthException failure = Within.failure(sdk.client().createApplicationSession());

            assertThat(failure).isInstanceOf(ServerException.class);
            assertThat(failure.status()).isEqualTo(503);
            assertThat(rule.strikes()).isEqualTo(1);
            assertThat(emu.stats(APP_ID).sessionsCreated()).as("refused: nothing created").isEqualTo(created);
            assertThat(sdk.client().currentSession()).isEmpty();

            Session session = Within.result(sdk.client().createApplicationSession());
            assertThat(session.token().value()).hasSize(40);
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(2);
        }
    }

    @TransportTest
    void a_429_on_session_creation_carries_retry_after_which_holds_back_the_next_creation(
            TransportUnderTest transport) {
        TestClock sdkClock = TestClock.startingNow();
        try (Sdk sdk = FaultySdk.start(transport, emu, builder -> builder.clock(sdkClock))) {
            long aliceId = FaultySdk.aliceId(transport, emu);
            ApiRequest call = ApiRequest.get("/users/" + aliceId + ".json");
            emu.faults().set(Fault.rateLimited(Duration.ofSeconds(30)).on("POST", "/session.json").times(1));

            AuthException first = Within.failure(sdk.client().execute(call));
            AuthException meanwhile = Within.failure(sdk.client().execute(call));

            assertThat(first).isInstanceOfSatisfying(RateLimitedException.class, limited -> {
                assertThat(limited.status()).isEqualTo(429);
                assertThat(limited.messages()).containsExactly("Too Many Requests");
                assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(30));
            });
            assertThat(meanwhile).as("within Retry-After: the same failure, nothing sent").isSameAs(first);
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(1);
            assertThat(sdk.recorder().sent("GET", call.path())).isEmpty();

            sdkClock.advance(Duration.ofSeconds(31));
            assertThat(Within.result(sdk.client().execute(call)).status()).as("recovered").isEqualTo(200);
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(2);
        }
    }

    @TransportTest
    void a_429_on_a_post_is_reported_with_retry_after_and_not_replayed(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            FaultRule rule = emu.faults().set(APP_ID, Fault.rateLimited(Duration.ofMillis(1_500))
                    .on("POST", "/users.json"));

            AuthException failure = Within.failure(sdk.client().execute(ApiRequest.post("/users.json")
                    .formBody(Map.of("user[login]", "throttled_user", "user[password]", "Passw0rd-429"))));

            assertThat(failure).isInstanceOfSatisfying(RateLimitedException.class,
                    limited -> assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(2)));
            assertThat(rule.strikes()).isEqualTo(1);
            assertThat(sdk.client().currentSession()).as("the session is not blamed").isPresent();
        }
    }

    @TransportTest
    void a_proxys_html_502_is_a_ServerException(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            long aliceId = FaultySdk.aliceId(transport, emu);
            emu.faults().set(Fault.htmlErrorPage().on("GET", "/users/*").times(1));

            AuthException failure = Within.failure(sdk.client().execute(ApiRequest.get("/users/" + aliceId
                    + ".json")));

            assertThat(failure).isInstanceOf(ServerException.class);
            assertThat(failure.status()).isEqualTo(502);
            assertThat(failure.messages()).isEmpty();
            assertThat(sdk.recorder().sent("GET", "/users/" + aliceId + ".json")).as("not replayed").hasSize(1);
            assertThat(Within.result(sdk.client().execute(ApiRequest.get("/users/" + aliceId + ".json"))).status())
                    .isEqualTo(200);
        }
    }

    @TransportTest
    void a_500_on_login_keeps_the_application_session(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Session before = Within.result(sdk.client().createApplicationSession());
            emu.faults().set(Fault.serverError().on("POST", "/login.json").times(1));

            AuthException failure = Within.failure(sdk.client().login(Credentials.login(ALICE_LOGIN,
                    ALICE_PASSWORD)));

            assertThat(failure).isInstanceOf(ServerException.class);
            assertThat(sdk.client().currentSession()).map(Session::token).hasValue(before.token());
            assertThat(sdk.recorder().sent("POST", "/login.json")).hasSize(1);
            assertThat(Within.result(sdk.client().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD))).login())
                    .hasValue(ALICE_LOGIN);
        }
    }
}
