package io.qbauth.adapter.transport.vertx;

import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.AuthTransportContract;

/** The shared transport contract, unchanged, on a transport that owns its {@code Vertx} (the ServiceLoader path). */
class VertxAuthTransportContractTest extends AuthTransportContract {

    @Override
    protected AuthTransport newTransport(TransportConfig config) {
        return new VertxAuthTransportProvider().create(config);
    }

    /** The Vert.x transport validates each header itself, so its refusal names the header. */
    @Override
    protected boolean namesTheRefusedHeader() {
        return true;
    }
}
