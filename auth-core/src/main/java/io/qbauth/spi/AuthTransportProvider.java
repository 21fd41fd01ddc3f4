package io.qbauth.spi;

import io.qbauth.config.TransportConfig;

/**
 * Service-provider entry for a transport, found with {@link java.util.ServiceLoader} (declared both in
 * {@code META-INF/services/io.qbauth.spi.AuthTransportProvider} and with {@code provides} in
 * {@code module-info.java}).
 */
public interface AuthTransportProvider {

    /** The name users select it by with {@code -Dqbauth.transport=NAME}, e.g. {@code jdk}. */
    String name();

    /** Creates a transport that the SDK owns and closes with the client. */
    AuthTransport create(TransportConfig config);
}
