package io.qbauth.e2e.errors;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InsufficientSessionException;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.RequestRejectedException;
import io.qbauth.domain.TransportException;
import io.qbauth.domain.ValidationException;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import java.time.Duration;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error row of the protocol reference (§6) that the emulator produces arrives as its typed exception, with the
 * status and QuickBlox's messages, and never with a secret in the message.
 */
class ErrorMappingE2eTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    @TransportTest
    void wrong_user_password_on_session_create_and_on_login(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            expect(() -> sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, "Secret-Wrong-1")),
                    InvalidCredentialsException.class, 401, "Unauthorized");
            expect(() -> sdk.blocking().login(Credentials.email("nobody@example.com", "Secret-Wrong-1")),
                    InvalidCredentialsException.class, 401, "Unauthorized");
        }
    }

    @TransportTest
    void wrong_auth_secret_is_an_unexpected_signature(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator(), builder -> builder.authSecret("Secret-Wrong-1"))) {
            expect(() -> sdk.blocking().createApplicationSession(), ApplicationRejectedException.class, 422,
                    "Unexpected signature");
        }
    }

    @TransportTest
    void unknown_application(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator(), builder -> builder.applicationId(999_999L))) {
            expect(() -> sdk.blocking().createApplicationSession(), ApplicationRejectedException.class, 422,
                    "No application found");
        }
    }

    @TransportTest
    void a_timestamp_outside_the_window_is_refused(TransportUnderTest transport) {
        TestClock twoHoursBehind = TestClock.startingNow();
        twoHoursBehind.advance(Duration.ofHours(-2));
        try (Sdk sdk = Sdk.start(transport, emulator(), builder -> builder.clock(twoHoursBehind))) {
            expect(() -> sdk.blocking().createApplicationSession(), ValidationException.class, 422,
                    "Timestamp is outside the allowed window");
        }
    }

    @TransportTest
    void a_write_that_needs_a_user_session(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            long aliceId = aliceId(transport);
            expect(() -> sdk.blocking().execute(ApiRequest.put("/users/" + aliceId + ".json").jsonBody(rename())),
                    InsufficientSessionException.class, 403, "Forbidden. Need user.");
        }
    }

    @TransportTest
    void a_write_to_another_user(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            long aliceId = aliceId(transport);
            String login = "other_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
            sdk.blocking().signUpWithApiKey(NewUser.builder().login(login).password("Str0ng-Passw0rd").build());
            sdk.blocking().createUserSession(Credentials.login(login, "Str0ng-Passw0rd"));

            expect(() -> sdk.blocking().execute(ApiRequest.put("/users/" + aliceId + ".json").jsonBody(rename())),
                    InsufficientSessionException.class, 403, "Forbidden. Not your user.");
        }
    }

    @TransportTest
    void an_unknown_user(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            expect(() -> sdk.blocking().execute(ApiRequest.get("/users/987654321.json")),
                    RequestRejectedException.class, 404, "User not found");
        }
    }

    @TransportTest
    void a_body_over_the_server_limit(TransportUnderTest transport) {
        try (Sdk sdk = Sdk.start(transport, emulator())) {
            String tooLong = "x".repeat(QbEmulator.AbstractBuilder.DEFAULT_MAX_BODY_BYTES);
            byte[] huge = ("{\"user\":{\"custom_data\":\"" + tooLong + "\"}}").getBytes(UTF_8);
            expect(() -> sdk.blocking().execute(ApiRequest.put("/users/1.json").jsonBody(huge)),
                    RequestRejectedException.class, 413, "Request Entity Too Large");
        }
    }

    @TransportTest
    void no_server_at_all(TransportUnderTest transport) {
        QbEmulator stopped = QuickBloxFixture.emulator().start();
        stopped.close();
        try (Sdk sdk = Sdk.start(transport, stopped)) {
            assertThatThrownBy(() -> sdk.blocking().createApplicationSession())
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
                        assertThat(e.status()).isZero();
                        assertThat(e.getMessage()).doesNotContain(QuickBloxFixture.AUTH_SECRET);
                    });
        }
    }

    private static <E extends AuthException> void expect(ThrowingCallable call, Class<E> type, int status,
                                                         String message) {
        Consumer<E> checks = e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.messages()).contains(message);
            assertThat(e.getMessage()).contains(String.valueOf(status))
                    .doesNotContain(QuickBloxFixture.AUTH_SECRET, ALICE_PASSWORD, "Secret-Wrong-1");
        };
        assertThatThrownBy(call).isInstanceOfSatisfying(type, checks);
    }

    private static long aliceId(TransportUnderTest transport) {
        try (Sdk alice = Sdk.start(transport, emulator())) {
            return alice.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).userId();
        }
    }

    private static byte[] rename() {
        return "{\"user\":{\"full_name\":\"Mallory\"}}".getBytes(UTF_8);
    }

    private static QbEmulator emulator() {
        return EMULATOR.emulator();
    }
}
