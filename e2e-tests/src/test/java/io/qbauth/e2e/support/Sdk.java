package io.qbauth.e2e.support;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.util.function.UnaryOperator;

/**
 * One SDK client for the normal application of {@link QuickBloxFixture}, on its own transport instance of the
 * transport under test; closing it closes the client, then the transport (which the client never closes itself).
 */
public final class Sdk implements AutoCloseable {

    private final AuthTransport transport;
    private final QbAuthClient client;

    private Sdk(AuthTransport transport, QbAuthClient client) {
        this.transport = transport;
        this.client = client;
    }

    public static Sdk start(TransportUnderTest transportUnderTest, QbEmulator emulator) {
        return start(transportUnderTest, emulator, UnaryOperator.identity());
    }

    /** A client whose builder {@code customize} may change (clock, policies, listeners). */
    public static Sdk start(TransportUnderTest transportUnderTest, QbEmulator emulator,
                            UnaryOperator<QbAuth.Builder> customize) {
        AuthTransport transport = transportUnderTest.create();
        try {
            return new Sdk(transport, customize.apply(QuickBloxFixture.client(emulator, transport)).build());
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    public QbAuthClient client() {
        return client;
    }

    public BlockingQbAuthClient blocking() {
        return client.blocking();
    }

    public AuthTransport transport() {
        return transport;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            transport.close();
        }
    }
}
