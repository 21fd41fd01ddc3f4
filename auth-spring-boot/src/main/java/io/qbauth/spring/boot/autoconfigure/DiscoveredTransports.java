package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.config.TransportConfig;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import java.util.ServiceLoader;

/**
 * Creates the JDK transport through its {@link AuthTransportProvider} (the module exports no class): by name, so
 * that it is chosen even when the Vert.x transport is on the class path too, where the SDK's own discovery would ask
 * for {@code -Dqbauth.transport}.
 */
final class DiscoveredTransports {

    static final String JDK = "jdk";

    private DiscoveredTransports() {
    }

    /** A new JDK transport that the caller owns and closes. */
    static AuthTransport jdk(TransportConfig config, ClassLoader classLoader) {
        for (AuthTransportProvider provider : ServiceLoader.load(AuthTransportProvider.class, classLoader)) {
            if (JDK.equals(provider.name())) {
                return QbAuthSettings.withTransportProperties(() -> provider.create(config));
            }
        }
        throw new InvalidQbAuthPropertyException(OnTransportTypeCondition.PROPERTY, OnTransportTypeCondition.PROPERTY
                + " asks for the jdk transport (the default without a Vertx bean), but io.qbauth:auth-transport-jdk is"
                + " not on the class path: add it (io.qbauth:auth-spring-boot-starter brings it), or set "
                + OnTransportTypeCondition.PROPERTY + "=vertx with io.qbauth:auth-transport-vertx", null);
    }
}
