package io.qbauth.internal.pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A pool key as events may carry it: the first 8 bytes of SHA-256(salt, key) in hex, the salt random per process, so
 * the same key correlates within one process and cannot be looked up in a table of hashed user ids.
 */
final class KeyHashes {

    private static final byte[] SALT = new byte[16];

    static {
        new SecureRandom().nextBytes(SALT);
    }

    private KeyHashes() {
    }

    /** The salted hash of {@code key}. */
    static String of(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
