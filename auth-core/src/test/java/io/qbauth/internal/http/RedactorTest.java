package io.qbauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ErrorDetails;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor(QbAuthConfig.builder().applicationId(1).authKey("AUTHKEY-1a2b")
            .authSecret("AUTHSECRET-3c4d").apiKey("APIKEY-5e6f").build());

    private static ApiRequest form(Map<String, String> fields) {
        return ApiRequest.post("/session.json").formBody(fields);
    }

    @Test
    void configured_secrets_are_masked_wherever_they_appear() {
        String text = redactor.redact("keys AUTHKEY-1a2b and AUTHSECRET-3c4d and APIKEY-5e6f", null, null);

        assertThat(text).isEqualTo("keys [redacted] and [redacted] and [redacted]");
    }

    @Test
    void the_calls_credentials_are_masked_verbatim_and_percent_encoded() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user[login]", "alice");
        fields.put("user[password]", "pa ss&w=rd!");
        fields.put("signature", "0123abcd");
        ApiRequest request = form(fields);

        String echoed = redactor.redact("alice got pa ss&w=rd! and pa+ss%26w%3Drd%21 sig 0123abcd with TOKEN-9z8y",
                request, new io.qbauth.domain.SessionToken("TOKEN-9z8y"));

        assertThat(echoed).doesNotContain("pa ss", "pa+ss", "0123abcd", "TOKEN-9z8y").contains("alice", "got");
    }

    @Test
    void credential_shaped_fields_are_masked_whatever_their_value() {
        String echoed = redactor.redact("user[login]=bob&user[password]=unknown-elsewhere&signature=ffee&nonce=42"
                + " {\"password\": \"json-pw\", \"token\":\"abc\"}", null, null);

        assertThat(echoed).contains("user[login]=bob").doesNotContain("unknown-elsewhere", "ffee", "json-pw", "abc")
                .contains("user[password]=[redacted]");
    }

    @Test
    void json_bodies_and_authorization_headers_give_their_secrets() {
        ApiRequest request = ApiRequest.post("/users.json").header("Authorization", "ApiKey OTHERKEY-7g8h")
                .jsonBody("{\"user\":{\"login\":\"carol\",\"password\":\"carolPW-0i\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(redactor.redact("carolPW-0i OTHERKEY-7g8h carol", request, null))
                .isEqualTo("[redacted] [redacted] carol");
    }

    @Test
    void details_are_redacted_message_by_message_and_plain_messages_stay_readable() {
        ErrorDetails details = new ErrorDetails(List.of("Unexpected signature", "echo AUTHSECRET-3c4d"),
                Map.of("password", List.of("is too short (minimum is 8 characters)")));

        ErrorDetails redacted = redactor.redact(details, null, null);

        assertThat(redacted.messages()).containsExactly("Unexpected signature", "echo [redacted]");
        assertThat(redacted.fieldErrors()).containsEntry("password", List.of("is too short (minimum is 8 characters)"));
    }

    @Test
    void values_shorter_than_a_quickblox_password_are_left_to_the_field_pattern() {
        ApiRequest request = form(Map.of("user[password]", "short"));

        assertThat(redactor.redact("is too short; user[password]=short", request, null))
                .isEqualTo("is too short; user[password]=[redacted]");
    }
}
