package io.qbauth.emulator.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies passwords with PBKDF2WithHmacSHA256 from the JDK: a 16-byte random salt per password, a
 * 256-bit derived key and a configurable iteration count. Thread-safe. CPU-heavy by design: call it off the event
 * loop.
 */
public final class PasswordHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    private final PasswordHash decoy;

    /**
     * @param iterations PBKDF2 iteration count, at least 1
     * @param random source of salts
     */
    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("password hash iterations must be at least 1");
        }
        this.iterations = iterations;
        this.random = random;
        this.decoy = hash(Secret.of("decoy password for unknown users"));
    }

    /** Hashes a password with a fresh salt. */
    public PasswordHash hash(Secret password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(salt, iterations, derive(password, salt, iterations));
    }

    /** Whether {@code candidate} is the password behind {@code stored}; compares in constant time. */
    public boolean matches(Secret candidate, PasswordHash stored) {
        byte[] derived = derive(candidate, stored.salt(), stored.iterations());
        return MessageDigest.isEqual(derived, stored.derivedKey());
    }

    /**
     * Spends the same work as {@link #matches} against a decoy hash and returns {@code false}, so an unknown login
     * costs as much as a wrong password and response times do not reveal which logins exist.
     */
    public boolean matchesNothing(Secret candidate) {
        matches(candidate, decoy);
        return false;
    }

    private static byte[] derive(Secret password, byte[] salt, int iterations) {
        char[] chars = password.reveal().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
