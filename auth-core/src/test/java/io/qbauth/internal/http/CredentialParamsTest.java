package io.qbauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialParamsTest {

    @Test
    void session_parameters_nest_user_fields_and_keep_provider_fields_flat() {
        assertThat(CredentialParams.forSession(Credentials.login("alice", "pw")))
                .containsExactly(Map.entry("user[login]", "alice"), Map.entry("user[password]", "pw"));
        assertThat(CredentialParams.forSession(Credentials.email("a@b.c", "pw")))
                .containsOnly(Map.entry("user[email]", "a@b.c"), Map.entry("user[password]", "pw"));
        assertThat(CredentialParams.forSession(Credentials.facebook("tok", "sec").withScope("s1,s2")))
                .containsOnly(Map.entry("provider", "facebook"), Map.entry("keys[token]", "tok"),
                        Map.entry("keys[secret]", "sec"), Map.entry("scope", "s1,s2"));
        assertThat(CredentialParams.forSession(Credentials.firebasePhone("proj", "idtok")))
                .containsOnly(Map.entry("provider", "firebase_phone"), Map.entry("firebase_phone[project_id]", "proj"),
                        Map.entry("firebase_phone[access_token]", "idtok"));
        assertThat(CredentialParams.forSession(Credentials.customIdentity("ext-7", "idp-token")))
                .containsOnly(Map.entry("user[login]", "ext-7"), Map.entry("user[password]", "idp-token"));
    }

    @Test
    void login_parameters_are_top_level() {
        assertThat(CredentialParams.forLogin(Credentials.login("alice", "pw")))
                .containsOnly(Map.entry("login", "alice"), Map.entry("password", "pw"));
        assertThat(CredentialParams.forLogin(Credentials.email("a@b.c", "pw")))
                .containsOnly(Map.entry("email", "a@b.c"), Map.entry("password", "pw"));
        assertThat(CredentialParams.forLogin(Credentials.firebasePhone("proj", "idtok")))
                .containsKeys("provider", "firebase_phone[project_id]", "firebase_phone[access_token]");
    }

    @Test
    void the_captured_firebase_login_body_is_reproduced() {
        byte[] body = ApiRequest.post("/login.json").formBody(CredentialParams.forLogin(
                Credentials.firebasePhone("my-firebase-proj", "eyJhbGciOiJSUzI1NiJ9.payload.sig"))).body();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                "firebase_phone[access_token]=eyJhbGciOiJSUzI1NiJ9.payload.sig"
                        + "&firebase_phone[project_id]=my-firebase-proj&provider=firebase_phone");
    }

    @Test
    void the_captured_sign_up_body_is_reproduced() {
        NewUser alice = NewUser.builder().login("alice_qb").password("alicePass123").email("alice+qb@example.com")
                .fullName("Alice Q. Blox").tags("tagA", "tagB").build();

        byte[] body = ApiRequest.post("/users.json").formBody(CredentialParams.forSignUp(alice)).body();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("user[email]=alice%2Bqb%40example.com"
                + "&user[full_name]=Alice%20Q.%20Blox&user[login]=alice_qb&user[password]=alicePass123"
                + "&user[tag_list]=tagA%2CtagB");
    }

    @Test
    void the_api_key_sign_up_body_nests_the_user_with_a_numeric_external_id() {
        NewUser bob = NewUser.builder().email("bob@example.com").password("pw12345678").externalUserId(77).build();

        assertThat(CredentialParams.forSignUpJson(bob)).isEqualTo(Map.of("user",
                Map.of("email", "bob@example.com", "password", "pw12345678", "external_user_id", 77L)));
    }
}
