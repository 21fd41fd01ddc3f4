package io.qbauth.adapter.transport.jdk;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.config.TransportConfig;

/** ServiceLoader entry of the JDK transport, selected by the name {@value #NAME}. */
public final class JdkAuthTransportProvider implements AuthTransportProvider {

    /** The provider name, for {@code -Dqbauth.transport=jdk}. */
    public static final String NAME = "jdk";

    /** Called by {@link java.util.ServiceLoader}. */
    public JdkAuthTransportProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A transport that owns its {@link java.net.http.HttpClient}; the SDK closes it with the client. */
    @Override
    public AuthTransport create(TransportConfig config) {
        return JdkAuthTransport.create(config);
    }
}
