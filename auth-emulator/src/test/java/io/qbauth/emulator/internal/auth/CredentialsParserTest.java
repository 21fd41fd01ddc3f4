package io.qbauth.emulator.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.internal.params.FormDecoder;
import io.qbauth.emulator.internal.params.RequestParams;
import io.qbauth.emulator.internal.state.AuthMethod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CredentialsParserTest {

    @Test
    void login_wins_over_email_which_wins_over_provider() {
        Credentials all = session("user[login]=a&user[email]=b@c.d&user[password]=p&provider=facebook&keys[token]=t");
        Credentials emailAndProvider = session("user[email]=b@c.d&user[password]=p&provider=facebook&keys[token]=t");
        Credentials provider = session("provider=facebook&keys[token]=t");

        assertThat(all.method()).isEqualTo(AuthMethod.LOGIN);
        assertThat(emailAndProvider.method()).isEqualTo(AuthMethod.EMAIL);
        assertThat(provider.method()).isEqualTo(AuthMethod.FACEBOOK);
    }

    @Test
    void no_user_parameters_mean_an_application_session() {
        assertThat(CredentialsParser.fromSessionRequest(params("application_id=1&nonce=2"), false)).isEmpty();
    }

    @Test
    void login_requests_use_top_level_names() {
        Credentials credentials = CredentialsParser.fromLoginRequest(params("login=a&password=secretValue"), false)
                .orElseThrow();

        assertThat(credentials).isEqualTo(new Credentials.Password(
                io.qbauth.emulator.internal.state.UserKey.LOGIN, "a",
                ((Credentials.Password) credentials).password()));
        assertThat(credentials.toString()).doesNotContain("secretValue");
    }

    @Test
    void custom_identity_provider_mode_turns_login_into_a_custom_identity() {
        Credentials credentials = CredentialsParser.fromSessionRequest(
                params("user[login]=ext-1&user[password]=idp-test%3Aext-1"), true).orElseThrow();

        assertThat(credentials).isInstanceOf(Credentials.CustomIdentity.class);
        assertThat(credentials.method()).isEqualTo(AuthMethod.CUSTOM);
    }

    @Test
    void firebase_needs_project_and_token() {
        assertThat(session("provider=firebase_phone&firebase_phone[project_id]=p&firebase_phone[access_token]=t")
                .method()).isEqualTo(AuthMethod.FIREBASE_PHONE);
        assertThatThrownBy(() -> session("provider=firebase_phone&firebase_phone[project_id]=p"))
                .isInstanceOf(AuthenticationFailure.class);
    }

    @Test
    void incomplete_or_unknown_credentials_are_authentication_failures() {
        assertThatThrownBy(() -> session("user[login]=a")).isInstanceOf(AuthenticationFailure.class);
        assertThatThrownBy(() -> session("user[password]=p")).isInstanceOf(AuthenticationFailure.class);
        assertThatThrownBy(() -> session("provider=twitter")).isInstanceOf(AuthenticationFailure.class)
                .hasMessage("unsupported provider");
    }

    private static Credentials session(String form) {
        return CredentialsParser.fromSessionRequest(params(form), false).orElseThrow();
    }

    private static RequestParams params(String form) {
        return FormDecoder.decode(form.getBytes(StandardCharsets.UTF_8));
    }
}
