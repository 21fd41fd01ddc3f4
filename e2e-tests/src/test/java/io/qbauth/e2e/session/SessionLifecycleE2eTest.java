package io.qbauth.e2e.session;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_EMAIL;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.User;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.spi.AuthTransport;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating, inspecting, upgrading, downgrading, destroying and adopting sessions against the emulator. */
class SessionLifecycleE2eTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    @TransportTest
    void creates_an_application_session(TransportUnderTest transportUnderTest) {
        try (Sdk sdk = Sdk.start(transportUnderTest, emulator())) {
            long before = emulator().stats(APP_ID).sessionsCreated();

            Session session = sdk.blocking().createApplicationSession();

            assertThat(session.kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(session.userId()).isZero();
            assertThat(session.applicationId()).isEqualTo(APP_ID);
            assertThat(session.origin()).isEqualTo(Session.Origin.CREATED);
            assertThat(sdk.client().currentSession()).contains(session);
            assertThat(emulator().stats(APP_ID).sessionsCreated()).isEqualTo(before + 1);
        }
    }

    @TransportTest
    void creates_user_sessions_by_login_and_by_email_for_the_same_user(TransportUnderTest transportUnderTest) {
        try (Sdk byLogin = Sdk.start(transportUnderTest, emulator());
             Sdk byEmail = Sdk.start(transportUnderTest, emulator())) {
            Session login = byLogin.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            Session email = byEmail.blocking().createUserSession(Credentials.email(ALICE_EMAIL, ALICE_PASSWORD));

            assertThat(login.kind()).isEqualTo(SessionKind.USER);
            assertThat(login.userId()).isPositive().isEqualTo(email.userId());
            assertThat(login.token()).isNotEqualTo(email.token());
        }
    }

    @TransportTest
    void creates_user_sessions_with_facebook_and_firebase_phone(TransportUnderTest transportUnderTest) {
        String suffix = uniqueSuffix();
        try (Sdk sdk = Sdk.start(transportUnderTest, emulator())) {
            Session facebook = sdk.blocking().createUserSession(
                    Credentials.facebook(ProviderTokens.facebook("fb" + suffix)));
            Session again = sdk.blocking().createUserSession(
                    Credentials.facebook(ProviderTokens.facebook("fb" + suffix)));
            Session firebase = sdk.blocking().createUserSession(Credentials.firebasePhone(
                    ProviderTokens.FIREBASE_PROJECT, ProviderTokens.firebase("+1555" + suffix, Instant.now())));

            assertThat(facebook.kind()).isEqualTo(SessionKind.USER);
            assertThat(again.userId()).as("the same Facebook user").isEqualTo(facebook.userId());
            assertThat(firebase.kind()).isEqualTo(SessionKind.USER);
            assertThat(firebase.userId()).isPositive().isNotEqualTo(facebook.userId());
        }
    }

    @TransportTest
    void creates_a_user_session_through_a_custom_identity_provider(TransportUnderTest transportUnderTest) {
        String externalId = "ext-" + uniqueSuffix();
        try (AuthTransport transport = transportUnderTest.create();
             QbAuthClient client = QuickBloxFixture.idpClient(emulator(), transport).build()) {
            Session session = client.blocking().createUserSession(
                    Credentials.customIdentity(externalId, ProviderTokens.customIdentity(externalId)));

            assertThat(session.kind()).isEqualTo(SessionKind.USER);
            assertThat(session.userId()).isPositive();
            assertThat(emulator().stats(QuickBloxFixture.IDP_APP_ID).sessionsCreatedByMethod())
                    .containsKey("custom");
        }
    }

    @TransportTest
    void get_session_reports_kind_user_and_expiry(TransportUnderTest transportUnderTest) {
        try (Sdk sdk = Sdk.start(transportUnderTest, emulator())) {
            Session created = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));

            Session seen = sdk.blocking().getSession();

            assertThat(seen.token()).isEqualTo(created.token());
            assertThat(seen.kind()).isEqualTo(SessionKind.USER);
            assertThat(seen.userId()).isEqualTo(created.userId());
            assertThat(seen.expiresAt()).isAfter(Instant.now().plusSeconds(3600));
        }
    }

    @TransportTest
    void login_upgrades_and_logout_downgrades_the_same_token(TransportUnderTest transportUnderTest) {
        try (Sdk sdk = Sdk.start(transportUnderTest, emulator())) {
            Session app = sdk.blocking().createApplicationSession();

            User alice = sdk.blocking().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            Session upgraded = sdk.blocking().getSession();
            sdk.blocking().logout();
            Session downgraded = sdk.blocking().getSession();

            assertThat(alice.login()).contains(ALICE_LOGIN);
            assertThat(upgraded.token()).isEqualTo(app.token());
            assertThat(upgraded.kind()).isEqualTo(SessionKind.USER);
            assertThat(upgraded.userId()).isEqualTo(alice.id());
            assertThat(downgraded.token()).isEqualTo(app.token());
            assertThat(downgraded.kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(downgraded.userId()).isZero();
        }
    }

    @TransportTest
    void after_destroy_the_next_call_creates_an_application_session(TransportUnderTest transportUnderTest) {
        try (Sdk sdk = Sdk.start(transportUnderTest, emulator())) {
            Session user = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            long before = emulator().stats(APP_ID).sessionsCreated();

            sdk.blocking().destroySession();

            assertThat(sdk.client().currentSession()).isEmpty();
            assertThatThrownBy(() -> adopt(transportUnderTest, user.token().value()))
                    .as("the destroyed token is dead on the server").isInstanceOf(SessionExpiredException.class);
            Session next = sdk.blocking().getSession();
            assertThat(next.kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(next.token()).isNotEqualTo(user.token());
            assertThat(emulator().stats(APP_ID).sessionsCreated()).isEqualTo(before + 1);
        }
    }

    @TransportTest
    void adopts_a_valid_token_with_its_kind_and_user(TransportUnderTest transportUnderTest) {
        try (Sdk owner = Sdk.start(transportUnderTest, emulator())) {
            Session original = owner.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));

            Session adopted = adopt(transportUnderTest, original.token().value());

            assertThat(adopted.origin()).isEqualTo(Session.Origin.ADOPTED);
            assertThat(adopted.token()).isEqualTo(original.token());
            assertThat(adopted.kind()).isEqualTo(SessionKind.USER);
            assertThat(adopted.userId()).isEqualTo(original.userId());
        }
    }

    @TransportTest
    void refuses_to_adopt_a_bogus_token(TransportUnderTest transportUnderTest) {
        long before = emulator().stats(APP_ID).sessionsCreated();

        assertThatThrownBy(() -> adopt(transportUnderTest, "0123456789abcdef0123456789abcdef01234567"))
                .isInstanceOf(SessionExpiredException.class)
                .satisfies(e -> assertThat(((SessionExpiredException) e).status()).isEqualTo(401))
                .hasMessageNotContaining("0123456789abcdef");
        assertThat(emulator().stats(APP_ID).sessionsCreated()).as("no session created instead").isEqualTo(before);
    }

    private static Session adopt(TransportUnderTest transportUnderTest, String token) {
        try (Sdk sdk = Sdk.start(transportUnderTest, emulator())) {
            return sdk.blocking().startSessionWithToken(token);
        }
    }

    private static QbEmulator emulator() {
        return EMULATOR.emulator();
    }

    private static String uniqueSuffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
    }
}
