package io.qbauth.adapter.transport.vertx;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.config.TransportConfig;

/** ServiceLoader entry of the Vert.x transport, selected by the name {@value VertxAuthTransport#NAME}. */
public final class VertxAuthTransportProvider implements AuthTransportProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public VertxAuthTransportProvider() {
    }

    @Override
    public String name() {
        return VertxAuthTransport.NAME;
    }

    /** A transport that creates and owns its {@code Vertx}; the SDK closes it (and that {@code Vertx}) with the client. */
    @Override
    public AuthTransport create(TransportConfig config) {
        return VertxAuthTransport.create(config);
    }
}
