package io.qbauth.emulator.internal.security;

/**
 * A stored password: PBKDF2-HMAC-SHA256 output with its own random salt and iteration count. Immutable; the arrays
 * are never exposed.
 */
public final class PasswordHash {

    private final byte[] salt;
    private final int iterations;
    private final byte[] derivedKey;

    PasswordHash(byte[] salt, int iterations, byte[] derivedKey) {
        this.salt = salt.clone();
        this.iterations = iterations;
        this.derivedKey = derivedKey.clone();
    }

    byte[] salt() {
        return salt.clone();
    }

    int iterations() {
        return iterations;
    }

    byte[] derivedKey() {
        return derivedKey.clone();
    }

    @Override
    public String toString() {
        return "PasswordHash[PBKDF2WithHmacSHA256, iterations=" + iterations + ", ***]";
    }
}
