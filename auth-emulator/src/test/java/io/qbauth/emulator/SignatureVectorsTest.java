package io.qbauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.ProviderTokenVerifier.VerifiedIdentity;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.Reply;
import io.qbauth.emulator.support.Signing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature vector of the protocol doc (section 3.2, V1 to V8 and the wire-capture vectors) sent as the JS SDK
 * sends it, with the vector's own signature: the emulator must accept each. One fresh emulator per vector, because
 * the vectors share timestamp and nonce, which the replay check would otherwise refuse.
 */
class SignatureVectorsTest {

    private static final ProviderTokenVerifier ACCEPT_ANY_TOKEN = new ProviderTokenVerifier() {
        @Override
        public Optional<VerifiedIdentity> verifyFacebook(String accessToken, String secret) {
            return Optional.of(VerifiedIdentity.of("fb-" + accessToken));
        }

        @Override
        public Optional<VerifiedIdentity> verifyFirebasePhone(String projectId, String idToken, Instant now) {
            return Optional.of(VerifiedIdentity.of("+15550100"));
        }

        @Override
        public Optional<VerifiedIdentity> verifyCustomIdentity(String userId, String accessToken) {
            return Optional.empty();
        }
    };

    static Stream<Arguments> vectors() {
        return Stream.concat(vectorsFrom("/signature-vectors.json"), vectorsFrom("/capture-signature-vectors.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void the_emulator_accepts_the_vectors_own_signature(String id, Map<String, String> params, String signature) {
        Map<String, String> request = new LinkedHashMap<>(params);
        request.put("signature", signature);
        try (QbEmulator emulator = QbEmulator.builder()
                .app(Fixtures.app())
                .user(Fixtures.APP_ID, Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD, Fixtures.ALICE_EMAIL, null)
                .user(Fixtures.APP_ID, "bob_qb", "p@ss w0rd&=%", "bob+qb@example.com", null)
                .user(Fixtures.APP_ID, "jürgen_ü", "пароль123")
                .clock(new MutableClock(Fixtures.PINNED))
                .passwordHashIterations(Fixtures.TEST_HASH_ITERATIONS)
                .providerTokenVerifier(ACCEPT_ANY_TOKEN)
                .start()) {

            Reply reply = new Http(emulator.baseUrl()).post("/session.json", Http.FORM, Signing.jsForm(request));

            assertThat(reply.status()).as("%s: %s", id, reply.body()).isEqualTo(201);
            assertThat(reply.session().getLong("nonce")).isEqualTo(Long.parseLong(params.get("nonce")));
            assertThat(reply.session().getLong("ts")).isEqualTo(1_700_000_000L);
            boolean userSession = params.keySet().stream().anyMatch(name -> name.contains("[") || name.equals("provider"));
            assertThat(reply.session().getLong("user_id") > 0).as("user session").isEqualTo(userSession);
        }
    }

    private static Stream<Arguments> vectorsFrom(String resource) {
        JsonArray vectors = readJson(resource).getJsonArray("vectors");
        return vectors.stream().map(JsonObject.class::cast).map(vector -> {
            Map<String, String> params = new LinkedHashMap<>();
            vector.getJsonObject("params").forEach(entry -> params.put(entry.getKey(), (String) entry.getValue()));
            return Arguments.of(vector.getString("id"), params, vector.getString("signature"));
        });
    }

    static JsonObject readJson(String resource) {
        try (InputStream in = SignatureVectorsTest.class.getResourceAsStream(resource)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
