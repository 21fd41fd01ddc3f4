package io.qbauth.e2e.signup;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.domain.ValidationException;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-up with a session token and with the server-side API key, and its validation errors. */
class SignUpE2eTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TransportTest
    void signs_up_with_an_application_session_and_the_new_user_can_log_in(TransportUnderTest transport) {
        String login = uniqueLogin();
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            EmulatorStats before = emulator().stats(APP_ID);

            User created = sdk.blocking().signUp(NewUser.builder().login(login).email(login + "@example.com")
                    .password("Str0ng-Passw0rd").fullName("New Person").tags("tagA", "tagB").build());
            Session session = sdk.blocking().createUserSession(Credentials.login(login, "Str0ng-Passw0rd"));

            assertThat(created.id()).isPositive();
            assertThat(created.login()).contains(login);
            assertThat(created.email()).contains(login + "@example.com");
            assertThat(created.tags()).containsExactly("tagA", "tagB");
            assertThat(session.userId()).isEqualTo(created.id());
            EmulatorStats after = emulator().stats(APP_ID);
            assertThat(after.signupsCreated()).isEqualTo(before.signupsCreated() + 1);
            assertThat(after.sessionsCreatedByKind().getOrDefault("application", 0L))
                    .as("sign-up ran on one application session")
                    .isEqualTo(before.sessionsCreatedByKind().getOrDefault("application", 0L) + 1);
        }
    }

    @TransportTest
    void signs_up_server_side_with_the_api_key_and_no_session(TransportUnderTest transport) {
        String login = uniqueLogin();
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            long sessionsBefore = emulator().stats(APP_ID).sessionsCreated();

            User created = sdk.blocking().signUpWithApiKey(
                    NewUser.builder().login(login).password("Str0ng-Passw0rd").build());

            assertThat(created.login()).contains(login);
            assertThat(emulator().stats(APP_ID).sessionsCreated()).isEqualTo(sessionsBefore);
            assertThat(sdk.client().currentSession()).isEmpty();
        }
    }

    @TransportTest
    void reports_every_field_error_of_a_422(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            NewUser invalid = NewUser.builder().login(ALICE_LOGIN).password("short").build();

            assertThatThrownBy(() -> sdk.blocking().signUp(invalid))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.fieldErrors()).containsEntry("login", List.of("has already been taken"));
                        assertThat(e.fieldErrors().get("password")).contains("is too short (minimum is 8 characters)");
                        assertThat(e.getMessage()).doesNotContain("short\"").doesNotContain("password=");
                    });
        }
    }

    @TransportTest
    void the_api_key_flavour_reports_validation_errors_too(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            NewUser taken = NewUser.builder().login(ALICE_LOGIN).password("Str0ng-Passw0rd").build();

            assertThatThrownBy(() -> sdk.blocking().signUpWithApiKey(taken))
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.fieldErrors()).containsEntry("login", List.of("has already been taken")));
        }
    }

    @TransportTest
    void a_wrong_api_key_is_an_application_rejection(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator(), builder -> builder.apiKey("not-the-key"))) {
            NewUser user = NewUser.builder().login(uniqueLogin()).password("Str0ng-Passw0rd").build();

            assertThatThrownBy(() -> sdk.blocking().signUpWithApiKey(user))
                    .isInstanceOfSatisfying(ApplicationRejectedException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain("not-the-key");
                    });
        }
    }

    private static QbEmulator emulator() {
        return EMULATOR.emulator();
    }

    private static String uniqueLogin() {
        return "user_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    }
}
