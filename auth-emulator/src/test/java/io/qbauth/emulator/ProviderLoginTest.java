package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.ProviderTokenVerifier.VerifiedIdentity;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.qbauth.emulator.support.TestJwt;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Facebook, Firebase phone and custom identity provider logins through the default test-token verifier, on both
 * POST /session.json and POST /login.json; the QuickBlox user is created on first login.
 */
class ProviderLoginTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final long IDP_APP_ID = 777L;
    private static final String IDP_SECRET = "idpSecret";
    private static final String PROJECT = "my-firebase-proj";
    private static final String UNAUTHORIZED = "{\"errors\":[\"Unauthorized\"]}";

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK)
            .app(EmulatorApp.of(IDP_APP_ID, "idpKey", IDP_SECRET).withCustomIdentityProvider())
            .build();

    private QbClient client;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
    }

    @Test
    void facebook_creates_the_user_once_and_logs_it_in_afterwards(QbEmulator emulator) {
        Reply first = client.createSession("provider", "facebook", "keys[token]", "fb-test:100200:Fay Book",
                "keys[secret]", "fbSecretXYZ");
        long user = first.session().getLong("user_id");
        String token = client.appToken();
        Reply login = client.login(token, "provider=facebook&keys[token]=fb-test%3A100200");

        assertThat(first.status()).isEqualTo(201);
        assertThat(login.status()).isEqualTo(202);
        assertThat(login.user().getLong("id")).isEqualTo(user);
        assertThat(login.user().getString("facebook_id")).isEqualTo("100200");
        assertThat(login.user().getString("full_name")).isEqualTo("Fay Book");
        assertThat(emulator.stats(Fixtures.APP_ID).sessionsCreatedByMethod().get("facebook")).isEqualTo(1);
    }

    @Test
    void facebook_tokens_outside_the_test_format_are401() {
        assertJsonReply(client.createSession("provider", "facebook", "keys[token]", "EAAtokenVALUE123"), 401,
                UNAUTHORIZED);
        assertJsonReply(client.createSession("provider", "facebook"), 401, UNAUTHORIZED);
    }

    @Test
    void firebase_phone_accepts_unsigned_and_hs256_test_tokens() {
        String unsigned = TestJwt.unsigned(TestJwt.phoneClaims("+15550001", PROJECT, epoch() + 600));
        String signed = TestJwt.hs256(TestJwt.phoneClaims("+15550001", PROJECT, epoch() + 600), PROJECT);

        Reply bySession = client.createSession("provider", "firebase_phone", "firebase_phone[project_id]", PROJECT,
                "firebase_phone[access_token]", unsigned);
        Reply byLogin = client.login(client.appToken(), "provider=firebase_phone&firebase_phone[project_id]="
                + PROJECT + "&firebase_phone[access_token]=" + signed);

        assertThat(bySession.status()).as(bySession.body()).isEqualTo(201);
        assertThat(byLogin.status()).as(byLogin.body()).isEqualTo(202);
        assertThat(byLogin.user().getString("phone")).isEqualTo("+15550001");
        assertThat(byLogin.user().getLong("id")).isEqualTo(bySession.session().getLong("user_id"));
    }

    @Test
    void firebase_checks_project_expiry_and_signature() {
        String token = client.appToken();
        String otherProject = TestJwt.unsigned(TestJwt.phoneClaims("+15550002", "other-proj", epoch() + 600));
        String expired = TestJwt.unsigned(TestJwt.phoneClaims("+15550002", PROJECT, epoch()));
        String wrongKey = TestJwt.hs256(TestJwt.phoneClaims("+15550002", PROJECT, epoch() + 600), "guess");
        String realLooking = "eyJhbGciOiJSUzI1NiJ9.payload.sig";

        for (String idToken : new String[] {otherProject, expired, wrongKey, realLooking, "not-a-jwt"}) {
            assertJsonReply(client.login(token, "provider=firebase_phone&firebase_phone[project_id]=" + PROJECT
                    + "&firebase_phone[access_token]=" + idToken), 401, UNAUTHORIZED);
        }
        assertJsonReply(client.login(token, "provider=firebase_phone&firebase_phone[project_id]=" + PROJECT), 401,
                UNAUTHORIZED);
    }

    @Test
    void custom_identity_provider_takes_login_as_user_id_and_password_as_token(QbEmulator emulator) {
        Reply session = createIdpSession("4242", "idp-test:4242");
        Reply rejected = createIdpSession("4242", "idp-test:4243");

        assertThat(session.status()).as(session.body()).isEqualTo(201);
        assertJsonReply(rejected, 401, UNAUTHORIZED);
        Reply user = client.http().get("/users/" + session.session().getLong("user_id") + ".json",
                "QB-Token", session.session().getString("token"));
        assertThat(user.user().getString("login")).isEqualTo("4242");
        assertThat(user.user().getLong("external_user_id")).isEqualTo(4242L);
        assertThat(emulator.stats(IDP_APP_ID).sessionsCreatedByMethod().get("custom")).isEqualTo(1);
        assertThat(emulator.stats(IDP_APP_ID).sessionsCreatedByKind().get("user")).isEqualTo(1);
    }

    @Test
    void custom_identity_provider_on_login() {
        Reply appSession = createIdpSession(null, null);
        String token = appSession.session().getString("token");

        Reply login = client.login(token, "login=ext-user-7&password=idp-test%3Aext-user-7");

        assertThat(login.status()).as(login.body()).isEqualTo(202);
        assertThat(login.user().getString("login")).isEqualTo("ext-user-7");
        assertThat(login.user().getValue("external_user_id")).isNull();
    }

    @Test
    void a_failing_custom_verifier_is_a_rejection_not_an_error() {
        ProviderTokenVerifier broken = new ProviderTokenVerifier() {
            @Override
            public Optional<VerifiedIdentity> verifyFacebook(String accessToken, String secret) {
                throw new IllegalStateException("network down");
            }

            @Override
            public Optional<VerifiedIdentity> verifyFirebasePhone(String projectId, String idToken,
                    Instant now) {
                return Optional.empty();
            }

            @Override
            public Optional<VerifiedIdentity> verifyCustomIdentity(String userId, String accessToken) {
                return Optional.empty();
            }
        };
        try (QbEmulator emulator = Fixtures.standard(QbEmulator.builder(), CLOCK)
                .providerTokenVerifier(broken).start()) {
            QbClient other = new QbClient(emulator.baseUrl(), CLOCK);

            assertJsonReply(other.createSession("provider", "facebook", "keys[token]", "fb-test:1"), 401,
                    UNAUTHORIZED);
        }
    }

    private Reply createIdpSession(String login, String password) {
        Map<String, String> params = new LinkedHashMap<>(client.sessionParams());
        params.put("application_id", Long.toString(IDP_APP_ID));
        params.put("auth_key", "idpKey");
        if (login != null) {
            params.put("user[login]", login);
            params.put("user[password]", password);
        }
        return client.postSigned(params, IDP_SECRET);
    }

    private static long epoch() {
        return CLOCK.instant().getEpochSecond();
    }
}
