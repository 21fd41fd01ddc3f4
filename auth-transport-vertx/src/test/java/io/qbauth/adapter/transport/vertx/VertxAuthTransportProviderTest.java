package io.qbauth.adapter.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.TransportConfig;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.testkit.transport.TransportProviderContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shared provider contract for the Vert.x transport: found as {@code vertx} (with the JDK transport on the test
 * class path too), declared in module-info, which exports the package of the application-owned-{@code Vertx}
 * factory; and what only this provider does: the transport it creates owns its {@code Vertx}.
 */
class VertxAuthTransportProviderTest extends TransportProviderContract {

    @Override
    protected String providerName() {
        return "vertx";
    }

    @Override
    protected Class<? extends AuthTransportProvider> providerClass() {
        return VertxAuthTransportProvider.class;
    }

    @Override
    protected Class<? extends AuthTransport> transportClass() {
        return VertxAuthTransport.class;
    }

    @Override
    protected String moduleName() {
        return "io.qbauth.transport.vertx";
    }

    @Override
    protected Set<String> exportedPackages() {
        return Set.of(VertxAuthTransport.class.getPackageName());
    }

    @Test
    void the_provider_creates_a_transport_that_owns_its_vertx() {
        try (AuthTransport transport = new VertxAuthTransportProvider().create(TransportConfig.defaults())) {
            assertThat(transport).hasToString("VertxAuthTransport[owned Vertx]");
        }
    }
}
