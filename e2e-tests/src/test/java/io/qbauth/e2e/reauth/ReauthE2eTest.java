package io.qbauth.e2e.reauth;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.RecordingTransport.Sent;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.config.CredentialsSupplier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Transparent re-authentication: the server forgets the session (its clock passes the TTL, or the token is
 * destroyed behind the client's back) and the client re-creates a session of the same kind and replays the call
 * once. The SDK keeps the system clock here, so only the server knows the session is gone.
 */
class ReauthE2eTest {

    private static final Duration PAST_THE_TTL = QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.plusMinutes(1);

    private final TestClock serverClock = TestClock.startingNow();
    private final QbEmulator emulator = QuickBloxFixture.emulator().clock(serverClock)
            .timestampWindow(Duration.ofDays(1)).start();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @TransportTest
    void a_user_session_the_server_expired_is_recreated_for_the_same_user_and_the_call_replayed_once(
            TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            Session before = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            EmulatorStats statsBefore = emulator.stats(APP_ID);
            String userPath = "/users/" + before.userId() + ".json";
            serverClock.advance(PAST_THE_TTL);

            ApiResponse response = sdk.blocking().execute(ApiRequest.get(userPath));

            assertThat(response.status()).isEqualTo(200);
            Session after = sdk.client().currentSession().orElseThrow();
            assertThat(after.kind()).isEqualTo(SessionKind.USER);
            assertThat(after.userId()).isEqualTo(before.userId());
            assertThat(after.token()).isNotEqualTo(before.token());
            assertThat(sdk.recorder().sent("GET", userPath)).extracting(Sent::token)
                    .containsExactly(before.token().value(), after.token().value());
            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(2);
            EmulatorStats statsAfter = emulator.stats(APP_ID);
            assertThat(created(statsAfter, "user") - created(statsBefore, "user")).isEqualTo(1);
            assertThat(created(statsAfter, "application")).isEqualTo(created(statsBefore, "application"));
        }
    }

    @TransportTest
    void a_logged_in_user_stays_logged_in_and_a_put_is_replayed_with_the_same_bytes(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            long aliceId = sdk.blocking().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).id();
            String userPath = "/users/" + aliceId + ".json";
            byte[] update = "{\"user\":{\"full_name\":\"Alice Renamed\"}}".getBytes(UTF_8);
            serverClock.advance(PAST_THE_TTL);

            ApiResponse put = sdk.blocking().execute(ApiRequest.put(userPath).jsonBody(update));
            ApiResponse get = sdk.blocking().execute(ApiRequest.get(userPath));

            assertThat(put.status()).isEqualTo(200);
            assertThat(get.bodyAsString()).contains("\"full_name\":\"Alice Renamed\"");
            assertThat(sdk.recorder().sent("PUT", userPath)).hasSize(2);
            assertThat(sdk.client().currentSession().orElseThrow().userId()).isEqualTo(aliceId);
        }
    }

    @TransportTest
    void a_session_destroyed_behind_the_clients_back_is_recreated_with_the_kind_it_had(TransportUnderTest transport)
            throws Exception {
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            long aliceId = sdk.blocking().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).id();
            sdk.blocking().logout();
            Session before = sdk.client().currentSession().orElseThrow();
            destroyDirectly(before.token().value());

            ApiResponse response = sdk.blocking().execute(ApiRequest.get("/users/" + aliceId + ".json"));

            assertThat(response.status()).isEqualTo(200);
            Session after = sdk.client().currentSession().orElseThrow();
            assertThat(after.kind()).as("logged out: an application session").isEqualTo(SessionKind.APPLICATION);
            assertThat(after.token()).isNotEqualTo(before.token());
        }
    }

    @TransportTest
    void wrong_credentials_are_tried_once_and_never_again(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator)) {
            long requestsBefore = emulator.stats(APP_ID).requests();

            assertThatThrownBy(() -> sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, "wrong-pass")))
                    .isInstanceOfSatisfying(InvalidCredentialsException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.messages()).containsExactly("Unauthorized");
                        assertThat(e.getMessage()).doesNotContain("wrong-pass");
                    });

            assertThat(sdk.recorder().sent("POST", "/session.json")).hasSize(1);
            assertThat(emulator.stats(APP_ID).requests()).isEqualTo(requestsBefore + 1);
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isZero();
        }
    }

    @TransportTest
    void a_re_creation_rejected_for_its_credentials_is_not_attempted_again(TransportUnderTest transport) {
        CredentialsSupplier revoked = CredentialsSupplier.of(Credentials.login(ALICE_LOGIN, "revoked-pass"));
        try (Sdk sdk = Sdk.start(transport, emulator, builder -> builder.credentialsSupplier(revoked))) {
            long aliceId = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).userId();
            ApiRequest call = ApiRequest.get("/users/" + aliceId + ".json");
            serverClock.advance(PAST_THE_TTL);

            List<AuthException> failures = List.of(failure(sdk, call), failure(sdk, call), failure(sdk, call));

            assertThat(failures).allSatisfy(e -> assertThat(e).isInstanceOf(InvalidCredentialsException.class));
            assertThat(sdk.recorder().sent("POST", "/session.json")).as("the first login, then one re-creation")
                    .hasSize(2);
        }
    }

    @TransportTest
    void an_adopted_token_the_server_expired_fails_typed_without_a_credentials_supplier(TransportUnderTest transport) {
        try (Sdk owner = Sdk.start(transport, emulator); Sdk adopter = Sdk.start(transport, emulator)) {
            Session alice = owner.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            adopter.blocking().startSessionWithToken(alice.token().value());
            serverClock.advance(PAST_THE_TTL);

            AuthException failure = failure(adopter, ApiRequest.get("/users/" + alice.userId() + ".json"));

            assertThat(failure).isInstanceOf(SessionExpiredException.class);
            assertThat(adopter.recorder().sent("POST", "/session.json")).as("nothing to re-create it with").isEmpty();
        }
    }

    @TransportTest
    void an_adopted_user_token_is_recreated_as_that_user_with_a_credentials_supplier(TransportUnderTest transport) {
        CredentialsSupplier alicesPassword = CredentialsSupplier.of(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
        try (Sdk owner = Sdk.start(transport, emulator);
             Sdk adopter = Sdk.start(transport, emulator, builder -> builder.credentialsSupplier(alicesPassword))) {
            Session alice = owner.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            adopter.blocking().startSessionWithToken(alice.token().value());
            serverClock.advance(PAST_THE_TTL);

            ApiResponse response = adopter.blocking().execute(ApiRequest.get("/users/" + alice.userId() + ".json"));

            assertThat(response.status()).isEqualTo(200);
            Session now = adopter.client().currentSession().orElseThrow();
            assertThat(now.kind()).isEqualTo(SessionKind.USER);
            assertThat(now.userId()).isEqualTo(alice.userId());
            assertThat(now.token()).isNotEqualTo(alice.token());
        }
    }

    private static AuthException failure(Sdk sdk, ApiRequest call) {
        try {
            sdk.blocking().execute(call);
        } catch (AuthException e) {
            return e;
        }
        throw new AssertionError("the call should have failed");
    }

    private void destroyDirectly(String token) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            int status = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/session.json"))
                    .header("QB-Token", token).DELETE().build(), BodyHandlers.discarding()).statusCode();
            assertThat(status).as("DELETE /session.json behind the client's back").isEqualTo(200);
        }
    }

    private static long created(EmulatorStats stats, String kind) {
        return stats.sessionsCreatedByKind().getOrDefault(kind, 0L);
    }
}
