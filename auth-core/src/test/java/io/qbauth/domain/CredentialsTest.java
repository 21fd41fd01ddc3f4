package io.qbauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialsTest {

    private static final String LONG = "x".repeat(Credentials.MAX_TOKEN_LENGTH + 1);

    static Stream<Arguments> badInputs() {
        Function<String, Object> loginAsLogin = v -> Credentials.login(v, "pw");
        Function<String, Object> loginAsPassword = v -> Credentials.login("alice", v);
        Function<String, Object> emailAsEmail = v -> Credentials.email(v, "pw");
        Function<String, Object> emailAsPassword = v -> Credentials.email("a@b.c", v);
        Function<String, Object> facebookToken = Credentials::facebook;
        Function<String, Object> facebookSecret = v -> Credentials.facebook("tok", v);
        Function<String, Object> facebookScope = v -> Credentials.facebook("tok").withScope(v);
        Function<String, Object> firebaseProject = v -> Credentials.firebasePhone(v, "id");
        Function<String, Object> firebaseToken = v -> Credentials.firebasePhone("proj", v);
        Function<String, Object> customUser = v -> Credentials.customIdentity(v, "tok");
        Function<String, Object> customToken = v -> Credentials.customIdentity("u", v);
        return Stream.of(
                Arguments.of("login", loginAsLogin), Arguments.of("password", loginAsPassword),
                Arguments.of("email", emailAsEmail), Arguments.of("password", emailAsPassword),
                Arguments.of("accessToken", facebookToken), Arguments.of("secret", facebookSecret),
                Arguments.of("scope", facebookScope), Arguments.of("projectId", firebaseProject),
                Arguments.of("idToken", firebaseToken), Arguments.of("userId", customUser),
                Arguments.of("accessToken", customToken));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void every_bad_component_fails_typed_naming_the_field_without_echoing_it(String field,
                                                                            Function<String, Object> build) {
        for (String bad : new String[] {null, "", "   ", "sec\u0000ret-value", "sec\nret-value", LONG}) {
            assertThatThrownBy(() -> build.apply(bad))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(field + " ")
                    .satisfies(e -> {
                        if (bad != null && !bad.isBlank()) {
                            assertThat(e.getMessage()).doesNotContain(bad.substring(bad.length() - 5));
                        }
                    });
        }
    }

    @Test
    void to_string_never_shows_a_secret() {
        assertThat(Credentials.login("alice", "hunter2-secret").toString())
                .contains("alice").doesNotContain("hunter2-secret").contains("***");
        assertThat(Credentials.email("a@b.c", "hunter2-secret").toString()).doesNotContain("hunter2-secret");
        assertThat(Credentials.facebook("fb-token-secret", "fb-secret-secret").withScope("email").toString())
                .doesNotContain("fb-token-secret").doesNotContain("fb-secret-secret").contains("email");
        assertThat(Credentials.firebasePhone("proj", "id-token-secret").toString())
                .contains("proj").doesNotContain("id-token-secret");
        assertThat(Credentials.customIdentity("ext-1", "idp-token-secret").toString())
                .contains("ext-1").doesNotContain("idp-token-secret");
    }

    @Test
    void each_kind_reports_its_method() {
        assertThat(Credentials.login("a", "b").method()).isEqualTo(AuthMethod.LOGIN);
        assertThat(Credentials.email("a", "b").method()).isEqualTo(AuthMethod.EMAIL);
        assertThat(Credentials.facebook("t").method()).isEqualTo(AuthMethod.FACEBOOK);
        assertThat(Credentials.firebasePhone("p", "t").method()).isEqualTo(AuthMethod.FIREBASE_PHONE);
        assertThat(Credentials.customIdentity("u", "t").method()).isEqualTo(AuthMethod.CUSTOM_IDENTITY);
    }

    @Test
    void optional_components_reject_null_optionals() {
        assertThatThrownBy(() -> new Credentials.FacebookToken("t", null, java.util.Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("secret");
    }
}
