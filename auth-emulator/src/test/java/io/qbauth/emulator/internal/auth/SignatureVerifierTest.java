package io.qbauth.emulator.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.internal.params.FormDecoder;
import io.qbauth.emulator.internal.params.RequestParams;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The server-side check of protocol doc section 3.3 against every vector of section 3.2. */
class SignatureVerifierTest {

    private static final String SECRET = "SecReT_987-zyx";

    static Stream<Arguments> vectors() {
        return Stream.of("/signature-vectors.json", "/capture-signature-vectors.json")
                .flatMap(SignatureVerifierTest::read)
                .map(vector -> Arguments.of(vector.getString("id"), params(vector),
                        vector.getString("string_to_sign"), vector.getString("signature")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void builds_the_documented_string_and_accepts_the_signature(String id, Map<String, String> params, String stringToSign,
            String signature) {
        RequestParams request = decoded(params, signature);

        assertThat(SignatureVerifier.stringToSign(request.asMap())).isEqualTo(stringToSign);
        assertThat(SignatureVerifier.verify(request, SECRET)).isTrue();
        assertThat(SignatureVerifier.verify(decoded(params, signature.toUpperCase(Locale.ROOT)), SECRET)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejects_a_tampered_request_or_another_secret(String id, Map<String, String> params, String stringToSign,
            String signature) {
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("nonce", "1");

        assertThat(SignatureVerifier.verify(decoded(tampered, signature), SECRET)).isFalse();
        assertThat(SignatureVerifier.verify(decoded(params, signature), "another-secret")).isFalse();
    }

    @Test
    void rejects_missing_malformed_and_odd_length_signatures() {
        Map<String, String> params = Map.of("application_id", "12345", "auth_key", "AbCdEfGh12345-x",
                "nonce", "4821", "timestamp", "1700000000");

        assertThat(SignatureVerifier.verify(decoded(params, null), SECRET)).isFalse();
        assertThat(SignatureVerifier.verify(decoded(params, "4211231cdda8884d8febf9c880eca13ccead8c3"), SECRET))
                .isFalse();
        assertThat(SignatureVerifier.verify(decoded(params, "g211231cdda8884d8febf9c880eca13ccead8c38"), SECRET))
                .isFalse();
        assertThat(SignatureVerifier.verify(decoded(params, "4211231cdda8884d8febf9c880eca13ccead8c38"), SECRET))
                .isTrue();
    }

    /** Through the real decoder, as the JS SDK encodes a form: values percent-encoded, brackets literal. */
    private static RequestParams decoded(Map<String, String> params, String signature) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (signature != null) {
            all.put("signature", signature);
        }
        String form = all.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return FormDecoder.decode(form.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> params(JsonObject vector) {
        Map<String, String> params = new LinkedHashMap<>();
        vector.getJsonObject("params").forEach(entry -> params.put(entry.getKey(), (String) entry.getValue()));
        return params;
    }

    private static Stream<JsonObject> read(String resource) {
        try (InputStream in = SignatureVerifierTest.class.getResourceAsStream(resource)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("vectors")
                    .stream().map(JsonObject.class::cast).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_signature_with_non_ascii_digits_is_refused_not_parsed() {
        String ascii = "0123456789012345678901234567890123456789";
        for (String hostile : new String[] {
                "\u0661" + ascii.substring(1),            // ARABIC-INDIC DIGIT ONE
                "\uFF10" + ascii.substring(1),            // FULLWIDTH DIGIT ZERO
                "\uFF41" + ascii.substring(1),            // FULLWIDTH LATIN SMALL LETTER A
                "\u0966" + ascii.substring(1) + ascii.substring(0, 24)}) { // DEVANAGARI ZERO, 64 chars
            RequestParams params = FormDecoder.decode(("application_id=1&signature="
                    + URLEncoder.encode(hostile, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
            assertThat(SignatureVerifier.verify(params, SECRET)).as(hostile).isFalse();
        }
    }
}
