package io.qbauth.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default {@link ProviderTokenVerifier}: self-describing test tokens, so tests can log in through every provider
 * without a network.
 *
 * <ul>
 *   <li>Facebook: {@code fb-test:<facebookUserId>[:<full name>]}.</li>
 *   <li>Firebase phone: a JWT whose header says {@code "alg":"none"} (empty signature) or {@code "alg":"HS256"}
 *       (HMAC-SHA256 keyed with the UTF-8 project id), with claims {@code phone_number}, {@code aud} equal to the
 *       project id and {@code exp} (seconds) after the emulator's clock.</li>
 *   <li>Custom identity provider: {@code idp-test:<userId>}, where the user id equals the login sent.</li>
 * </ul>
 */
final class TestTokenVerifier implements ProviderTokenVerifier {

    /** The shared instance; stateless. */
    static final TestTokenVerifier INSTANCE = new TestTokenVerifier();

    private static final String FACEBOOK_PREFIX = "fb-test:";
    private static final String CUSTOM_PREFIX = "idp-test:";

    private TestTokenVerifier() {
    }

    @Override
    public Optional<VerifiedIdentity> verifyFacebook(String accessToken, String secret) {
        if (!accessToken.startsWith(FACEBOOK_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = accessToken.substring(FACEBOOK_PREFIX.length()).split(":", 2);
        if (parts[0].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedIdentity(parts[0], parts.length > 1 ? parts[1] : null));
    }

    @Override
    public Optional<VerifiedIdentity> verifyFirebasePhone(String projectId, String idToken, Instant now) {
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = decodeJson(parts[0]);
            JsonObject claims = decodeJson(parts[1]);
            boolean signed = isValidSignature(header.getString("alg"), parts, projectId);
            boolean forProject = projectId.equals(claims.getValue("aud"));
            boolean live = claims.getValue("exp") instanceof Number exp && exp.longValue() > now.getEpochSecond();
            String phone = claims.getValue("phone_number") instanceof String text && !text.isBlank() ? text : null;
            return signed && forProject && live && phone != null
                    ? Optional.of(VerifiedIdentity.of(phone))
                    : Optional.empty();
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<VerifiedIdentity> verifyCustomIdentity(String userId, String accessToken) {
        return !userId.isBlank() && accessToken.equals(CUSTOM_PREFIX + userId)
                ? Optional.of(VerifiedIdentity.of(userId))
                : Optional.empty();
    }

    private static JsonObject decodeJson(String base64Url) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8));
    }

    private static boolean isValidSignature(String algorithm, String[] parts, String projectId) {
        if ("none".equals(algorithm)) {
            return parts[2].isEmpty();
        }
        if (!"HS256".equals(algorithm)) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(projectId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
