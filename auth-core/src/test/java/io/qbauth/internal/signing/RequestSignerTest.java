package io.qbauth.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.SignatureAlgorithm;
import io.qbauth.domain.ApiRequest;
import io.qbauth.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestSignerTest {

    private static final String SECRET = "SecReT_987-zyx";
    private static final Clock AT_1700000000 = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @SuppressWarnings("unchecked")
    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = RequestSignerTest.class.getResourceAsStream("/signature-vectors.json")) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Arguments> cases = new ArrayList<>();
            for (Object v : (List<Object>) root.get("vectors")) {
                Map<String, Object> vector = (Map<String, Object>) v;
                cases.add(Arguments.of(vector.get("id"), vector.get("algorithm"), vector.get("params"),
                        vector.get("string_to_sign"), vector.get("signature")));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void every_protocol_vector_matches(String id, String algorithm, Map<String, String> params, String stringToSign,
                                       String signature) {
        SignatureAlgorithm alg = algorithm.equals("HmacSHA256") ? SignatureAlgorithm.HMAC_SHA256
                : SignatureAlgorithm.HMAC_SHA1;
        RequestSigner signer = new RequestSigner(12345, "AbCdEfGh12345-x", SECRET, alg, AT_1700000000, () -> 1);

        assertThat(RequestSigner.stringToSign(params)).isEqualTo(stringToSign);
        assertThat(signer.sign(params)).isEqualTo(signature);
    }

    @Test
    void the_captured_application_session_body_is_reproduced_byte_for_byte() {
        RequestSigner signer = new RequestSigner(12345, "AbCdEfGh12345-x", SECRET, SignatureAlgorithm.HMAC_SHA1,
                AT_1700000000, () -> 4821);

        byte[] body = ApiRequest.post("/session.json").formBody(signer.signedSessionForm(Map.of())).body();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("application_id=12345&auth_key=AbCdEfGh12345-x"
                + "&nonce=4821&signature=4211231cdda8884d8febf9c880eca13ccead8c38&timestamp=1700000000");
    }

    @Test
    void the_captured_email_session_body_is_reproduced_with_percent_encoded_values() {
        RequestSigner signer = new RequestSigner(12345, "AbCdEfGh12345-x", SECRET, SignatureAlgorithm.HMAC_SHA1,
                AT_1700000000, () -> 4823);

        byte[] body = ApiRequest.post("/session.json").formBody(signer.signedSessionForm(
                Map.of("user[email]", "alice+qb@example.com", "user[password]", "alicePass123"))).body();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("application_id=12345&auth_key=AbCdEfGh12345-x"
                + "&nonce=4823&signature=4bea20dd9e2bef79174a26422a61af7788edb469&timestamp=1700000000"
                + "&user[email]=alice%2Bqb%40example.com&user[password]=alicePass123");
    }

    @Test
    void the_captured_facebook_and_later_app_signatures_match() {
        Map<String, String> facebook = Map.of("provider", "facebook", "keys[token]", "EAAtokenVALUE123",
                "keys[secret]", "fbSecretXYZ");
        assertThat(signer(4824).signedSessionForm(facebook))
                .containsEntry("signature", "ef1a71c9b144fc8579f3a953b1887dcca5ca3e1e");
        assertThat(signer(4825).signedSessionForm(Map.of()))
                .containsEntry("signature", "c76689008393706dbf487e1ec1b6c1755694cd40");
        assertThat(signer(4822).signedSessionForm(Map.of("user[login]", "alice_qb", "user[password]", "alicePass123")))
                .containsEntry("signature", "8f0657c0c982f8b11cb65b4d0636112d9f769443");
    }

    @Test
    void nonces_are_positive_and_the_timestamp_is_whole_seconds_of_the_clock() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_999L), ZoneOffset.UTC);
        RequestSigner signer = RequestSigner.of(io.qbauth.config.QbAuthConfig.builder().applicationId(1)
                .authKey("k").authSecret("s").clock(clock).build());

        for (int i = 0; i < 1000; i++) {
            Map<String, String> form = signer.signedSessionForm(Map.of());
            assertThat(Long.parseLong(form.get("nonce"))).isPositive();
            assertThat(form.get("timestamp")).isEqualTo("1700000000");
        }
    }

    private static RequestSigner signer(int nonce) {
        return new RequestSigner(12345, "AbCdEfGh12345-x", SECRET, SignatureAlgorithm.HMAC_SHA1, AT_1700000000,
                () -> nonce);
    }
}
