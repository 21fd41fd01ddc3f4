package io.qbauth.emulator.support;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import java.time.Clock;
import java.time.Instant;

/** The application and users most tests share: the protocol doc's test-vector credentials. */
public final class Fixtures {

    public static final long APP_ID = 12345L;
    public static final String AUTH_KEY = "AbCdEfGh12345-x";
    public static final String AUTH_SECRET = "SecReT_987-zyx";
    public static final String API_KEY = "server-api-key-123";
    public static final String ALICE_LOGIN = "alice_qb";
    public static final String ALICE_PASSWORD = "alicePass123";
    public static final String ALICE_EMAIL = "alice+qb@example.com";
    public static final String ALICE_FULL_NAME = "Alice Q. Blox";
    /** The vectors' timestamp. */
    public static final Instant PINNED = Instant.ofEpochSecond(1_700_000_000L);
    /** Keeps the suite fast; the default (10 000) is exercised by the benchmark. */
    public static final int TEST_HASH_ITERATIONS = 1_000;

    private Fixtures() {
    }

    public static EmulatorApp app() {
        return EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET).withApiKey(API_KEY);
    }

    /** The shared app, Alice, the given clock and cheap hashing. */
    public static <B extends QbEmulator.AbstractBuilder<B>> B standard(B builder, Clock clock) {
        return builder.app(app())
                .user(APP_ID, ALICE_LOGIN, ALICE_PASSWORD, ALICE_EMAIL, ALICE_FULL_NAME)
                .clock(clock)
                .passwordHashIterations(TEST_HASH_ITERATIONS);
    }
}
