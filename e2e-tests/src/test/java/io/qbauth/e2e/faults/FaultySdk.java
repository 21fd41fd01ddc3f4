package io.qbauth.e2e.faults;

import io.qbauth.QbAuth;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.Credentials;
import io.qbauth.e2e.support.JvmWarmup;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.config.TransportConfig;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** SDK clients for fault tests: short timeouts, so a stalled reply costs well under a second. */
final class FaultySdk {

    /** Every call's time limit in the fault tests. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);
    /** Short timeouts and a small reply limit (64 KiB). */
    static final TransportConfig SHORT = TransportConfig.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .requestTimeout(REQUEST_TIMEOUT)
            .maxResponseBytes(64 * 1024)
            .build();
    /** Back-off after a failed session creation: 50 ms doubling, so recovery tests wait little. */
    static final RefreshPolicy QUICK_RETRY = RefreshPolicy.custom()
            .minRetryInterval(Duration.ofMillis(50))
            .maxRetryInterval(Duration.ofMillis(400))
            .build();

    private FaultySdk() {
    }

    static Sdk start(TransportUnderTest transport, QbEmulator emulator) {
        return start(transport, emulator, UnaryOperator.identity());
    }

    static Sdk start(TransportUnderTest transport, QbEmulator emulator, UnaryOperator<QbAuth.Builder> customize) {
        JvmWarmup.once();
        return Sdk.start(transport, SHORT, emulator, builder -> customize.apply(builder.refreshPolicy(QUICK_RETRY)));
    }

    /** Alice's user id, from a throwaway client's user session. */
    static long aliceId(TransportUnderTest transport, QbEmulator emulator) {
        try (Sdk alice = start(transport, emulator)) {
            return Within.result(alice.client().createUserSession(Credentials.login(QuickBloxFixture.ALICE_LOGIN,
                    QuickBloxFixture.ALICE_PASSWORD))).userId();
        }
    }
}
