package io.qbauth.testkit.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.TransportConfig;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the core finds a transport: its {@link AuthTransportProvider} is registered for {@link ServiceLoader} on the
 * class path ({@code META-INF/services}) and on the module path ({@code provides} in {@code module-info}), answers
 * to its name, and creates the transport. A transport module's test extends this class and names what it expects:
 *
 * <pre>{@code
 * class MyTransportProviderTest extends TransportProviderContract {
 *     protected String providerName() { return "my"; }
 *     protected Class<? extends AuthTransportProvider> providerClass() { return MyTransportProvider.class; }
 *     protected Class<? extends AuthTransport> transportClass() { return MyTransport.class; }
 *     protected String moduleName() { return "com.example.transport.my"; }
 * }
 * }</pre>
 *
 * <p>Other transports may be on the test class path too: the provider is looked up by its name, and that name must
 * be its alone.
 */
public abstract class TransportProviderContract {

    /** For subclasses. */
    protected TransportProviderContract() {
    }

    /**
     * The name the provider answers to ({@code -Dqbauth.transport=<name>}) and the transports it creates report.
     *
     * @return the transport's name
     */
    protected abstract String providerName();

    /**
     * The provider class, as registered in {@code META-INF/services} and {@code module-info}.
     *
     * @return the provider class
     */
    protected abstract Class<? extends AuthTransportProvider> providerClass();

    /**
     * The class of the transports the provider creates.
     *
     * @return the transport class
     */
    protected abstract Class<? extends AuthTransport> transportClass();

    /**
     * The JPMS name of the transport's module.
     *
     * @return the module name
     */
    protected abstract String moduleName();

    /**
     * The packages the transport's module exports: none unless overridden (a transport needs none to be found).
     *
     * @return the exported packages
     */
    protected Set<String> exportedPackages() {
        return Set.of();
    }

    @Test
    void the_service_loader_finds_the_provider_by_its_name_and_it_creates_the_transport() {
        List<AuthTransportProvider> named = ServiceLoader.load(AuthTransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(provider -> provider.name().equals(providerName())).toList();

        assertThat(named).as("providers named %s", providerName()).singleElement().satisfies(provider -> {
            assertThat(provider).isInstanceOf(providerClass());
            try (AuthTransport transport = provider.create(TransportConfig.defaults())) {
                assertThat(transport).isInstanceOf(transportClass());
                assertThat(transport.name()).isEqualTo(providerName());
            }
        });
    }

    @Test
    void module_info_provides_the_provider_and_exports_only_what_it_declares() throws URISyntaxException {
        Path classes = Path.of(providerClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(classes).findAll().stream().map(ModuleReference::descriptor)
                .findFirst().orElseThrow(() -> new AssertionError("no module-info.class in " + classes));

        assertThat(module.name()).isEqualTo(moduleName());
        assertThat(module.provides()).singleElement().satisfies(provides -> {
            assertThat(provides.service()).isEqualTo(AuthTransportProvider.class.getName());
            assertThat(provides.providers()).containsExactly(providerClass().getName());
        });
        assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name).contains("io.qbauth.core");
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrderElementsOf(exportedPackages());
    }
}
