package io.qbauth.adapter.transport.vertx;

import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.AuthTransportContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared transport contract, unchanged, on transports sharing one application-owned {@code Vertx}; the kit closes
 * each transport after each test, so this also checks that closing one leaves the {@code Vertx} usable for the next.
 */
class AppOwnedVertxContractTest extends AuthTransportContract {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().await();
    }

    @Override
    protected AuthTransport newTransport(TransportConfig config) {
        return VertxAuthTransport.create(vertx, config);
    }

    /** The Vert.x transport validates each header itself, so its refusal names the header. */
    @Override
    protected boolean namesTheRefusedHeader() {
        return true;
    }
}
