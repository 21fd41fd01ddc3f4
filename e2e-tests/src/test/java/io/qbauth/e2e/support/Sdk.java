package io.qbauth.e2e.support;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import java.util.function.UnaryOperator;

/**
 * One SDK client for the normal application of {@link QuickBloxFixture}, on its own instance of the transport under
 * test, seen through a {@link RecordingTransport}. Closing it closes the client, then the transport (which the
 * client never closes itself, since it was given explicitly).
 */
public final class Sdk implements AutoCloseable {

    private final AuthTransport transport;
    private final RecordingTransport recorder;
    private final QbAuthClient client;

    private Sdk(AuthTransport transport, RecordingTransport recorder, QbAuthClient client) {
        this.transport = transport;
        this.recorder = recorder;
        this.client = client;
    }

    public static Sdk start(TransportUnderTest transportUnderTest, QbEmulator emulator) {
        return start(transportUnderTest, emulator, UnaryOperator.identity());
    }

    /** A client whose builder {@code customize} may change (clock, policies, listeners). */
    public static Sdk start(TransportUnderTest transportUnderTest, QbEmulator emulator,
                            UnaryOperator<QbAuth.Builder> customize) {
        return start(transportUnderTest, TransportConfig.defaults(), emulator, customize);
    }

    /**
     * A client whose transport is created with {@code config}, which the client's builder gets too (it sets the
     * default request timeout of every call).
     */
    public static Sdk start(TransportUnderTest transportUnderTest, TransportConfig config, QbEmulator emulator,
                            UnaryOperator<QbAuth.Builder> customize) {
        AuthTransport transport = transportUnderTest.create(config);
        try {
            RecordingTransport recorder = new RecordingTransport(transport);
            return new Sdk(transport, recorder, customize.apply(QuickBloxFixture.client(emulator, recorder)
                    .transportConfig(config)).build());
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

    /** What the client sent; can also hold requests (see {@link RecordingTransport#holdWhere}). */
    public RecordingTransport recorder() {
        return recorder;
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
