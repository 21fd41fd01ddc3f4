package io.qbauth.e2e.support;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.ApiRequest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a short journey on every transport against a throwaway emulator, once per JVM, before tests whose timeouts
 * are short (0.8 s): the first exchange of a fresh JVM loads and links the HTTP clients, the codec and the emulator,
 * which on a loaded 2-core machine took longer than that and failed whichever such test ran first. Nothing of it is
 * recorded by the tests that follow.
 */
public final class JvmWarmup {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private JvmWarmup() {
    }

    /** Warms up once; later calls return at once. */
    public static void once() {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        try (QbEmulator emulator = QuickBloxFixture.emulator().start()) {
            TransportUnderTest.all().forEach(transport -> {
                try (AuthTransport wire = transport.create();
                     QbAuthClient client = QuickBloxFixture.client(emulator, wire).build()) {
                    for (int i = 0; i < 20; i++) {
                        Within.result(client.execute(ApiRequest.get("/session.json")));
                    }
                    Within.result(client.createApplicationSession());
                }
            });
        }
    }
}
