package io.qbauth.e2e.pool;

import io.qbauth.QbAuth;
import io.qbauth.UserPool;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A {@link UserPool} for the normal application of {@link QuickBloxFixture}, on its own instance of the transport
 * under test. Closing it closes the pool, then the transport (which the pool never closes: it was given).
 */
final class PoolSdk implements AutoCloseable {

    /** Long enough for thousands of calls queued behind the transport's connections. */
    static final TransportConfig PATIENT = TransportConfig.builder().requestTimeout(Duration.ofSeconds(60)).build();

    private final AuthTransport transport;
    private final UserPool pool;

    private PoolSdk(AuthTransport transport, UserPool pool) {
        this.transport = transport;
        this.pool = pool;
    }

    static PoolSdk start(TransportUnderTest transportUnderTest, QbEmulator emulator, UserPoolConfig config,
                         UnaryOperator<QbAuth.Builder> customize) {
        AuthTransport transport = transportUnderTest.create(PATIENT);
        try {
            return new PoolSdk(transport, customize.apply(QuickBloxFixture.client(emulator, transport)
                    .transportConfig(PATIENT)).buildUserPool(config));
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    UserPool pool() {
        return pool;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            transport.close();
        }
    }
}
