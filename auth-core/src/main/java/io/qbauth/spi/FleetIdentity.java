package io.qbauth.spi;

import io.qbauth.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a shared session belongs to, as a {@link SharedSessionStore} sees it: the application and a keyed digest of
 * the identity, never a login in clear (docs/FLEET.md §2). Every instance of a fleet derives the same digest for one
 * identity because they share the application's secret; someone reading the store cannot test a guessed login
 * without that secret.
 *
 * @param applicationId the QuickBlox application id, positive
 * @param digest        32 lowercase hex characters: the first 16 bytes of an HMAC-SHA256 of the identity key
 */
public record FleetIdentity(long applicationId, String digest) {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{32}");
    private static final byte[] DOMAIN = "qbauth-fleet-v1\0".getBytes(StandardCharsets.UTF_8);

    /**
     * @throws InvalidInputException if the application id is not positive or the digest is not 32 lowercase hex
     *                               characters
     */
    public FleetIdentity {
        if (applicationId <= 0) {
            throw new InvalidInputException("applicationId must be positive");
        }
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new InvalidInputException("digest must be 32 lowercase hex characters");
        }
    }

    /**
     * Derives the identity of {@code identityKey} (for instance a pool key: a method and a login) in
     * {@code applicationId}, keyed with {@code secret} (the application's own secret, which every instance has).
     *
     * @throws InvalidInputException if an argument is null or empty, or the application id is not positive
     */
    public static FleetIdentity derive(long applicationId, byte[] secret, String identityKey) {
        if (secret == null || secret.length == 0) {
            throw new InvalidInputException("secret is required");
        }
        if (identityKey == null || identityKey.isEmpty()) {
            throw new InvalidInputException("identityKey is required");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(DOMAIN);
            mac.update(Long.toString(applicationId).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            byte[] full = mac.doFinal(identityKey.getBytes(StandardCharsets.UTF_8));
            return new FleetIdentity(applicationId, HexFormat.of().formatHex(full, 0, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
