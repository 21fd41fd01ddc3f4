package io.qbauth.e2e.fleet.process;

import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;

import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The world of one fleet test: an emulator over real HTTP in the test JVM (a wide timestamp window, so the members'
 * real clocks stay acceptable while the test jumps the emulator's clock past session lifetimes), one cipher key for
 * the fleet, and a log directory per test under {@code target/fleet-logs}.
 */
final class FleetWorld implements AutoCloseable {

    /** Identities per member in the main scenarios. */
    static final int IDENTITIES = 200;
    /** Members in the main scenarios. */
    static final int MEMBERS = 4;
    /** A clock jump past the emulator's 2 h session lifetime: every session the emulator holds ends. */
    static final Duration EXPIRE_ALL = Duration.ofHours(3);

    final QbEmulator emulator;
    final byte[] key = randomKey();
    final Path logs;

    FleetWorld(String testName) {
        this(testName, UnaryOperator.identity());
    }

    FleetWorld(String testName, UnaryOperator<QbEmulator.Builder> customize) {
        this.emulator = customize.apply(QuickBloxFixture.emulator().journalSize(0)
                .timestampWindow(Duration.ofDays(2))).start();
        this.logs = Path.of("target", "fleet-logs", testName.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    /** The default spec of member {@code i}: no Redis, {@value #IDENTITIES} identities. */
    MemberSpec spec(int i) {
        return MemberSpec.of(i, emulator.baseUrl(), key);
    }

    /** Starts a fleet of {@code size} members. */
    Fleet fleet(int size, IntFunction<MemberSpec> spec) {
        return Fleet.start(size, spec, logs);
    }

    /** User sessions the emulator has created so far for the fleet's application. */
    long userCreations() {
        return emulator.stats(APP_ID).sessionsCreatedByKind().getOrDefault("user", 0L);
    }

    /** Session creations the emulator refused with 429 (plan limit) so far. */
    long creations429() {
        return emulator.stats(APP_ID).sessionCreationsRateLimited();
    }

    /** Every session the emulator holds ends now. */
    void expireAll() {
        emulator.jumpClock(EXPIRE_ALL);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
