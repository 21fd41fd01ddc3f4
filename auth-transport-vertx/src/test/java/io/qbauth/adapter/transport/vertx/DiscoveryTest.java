package io.qbauth.adapter.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.config.TransportConfig;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The transport is registered for {@link ServiceLoader} on the class path and on the module path. */
class DiscoveryTest {

    @Test
    void theServiceLoaderFindsItAsVertxAndItCreatesAnOwnedTransport() {
        AuthTransportProvider provider = ServiceLoader.load(AuthTransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("vertx")).findFirst().orElseThrow();

        try (AuthTransport transport = provider.create(TransportConfig.defaults())) {
            assertThat(provider).isInstanceOf(VertxAuthTransportProvider.class);
            assertThat(transport).isInstanceOf(VertxAuthTransport.class).hasToString("VertxAuthTransport[owned Vertx]");
            assertThat(transport.name()).isEqualTo("vertx");
        }
    }

    @Test
    void moduleInfoProvidesItAndExportsTheAppOwnedVertxFactory() throws Exception {
        Path classes = Path.of(VertxAuthTransport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor module = ModuleDescriptor.read(in);

            assertThat(module.name()).isEqualTo("io.qbauth.transport.vertx");
            assertThat(module.provides()).singleElement().satisfies(provides -> {
                assertThat(provides.service()).isEqualTo(AuthTransportProvider.class.getName());
                assertThat(provides.providers()).containsExactly(VertxAuthTransportProvider.class.getName());
            });
            assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
                    .containsExactly(VertxAuthTransport.class.getPackageName());
        }
    }
}
