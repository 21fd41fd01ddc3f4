package io.qbauth.emulator.internal.state;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Session tokens: 40 lowercase hex characters (160 random bits) from {@link SecureRandom}. */
final class TokenGenerator {

    private static final int TOKEN_BYTES = 20;

    private final SecureRandom random;

    TokenGenerator(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
