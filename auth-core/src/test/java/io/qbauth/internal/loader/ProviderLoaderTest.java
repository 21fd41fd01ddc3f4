package io.qbauth.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.spi.JsonCodecProvider;
import io.qbauth.config.TransportConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderLoaderTest {

    private static ProviderLoader loader(List<Class<?>> transports, List<Class<?>> codecs, Map<String, String> props) {
        return new ProviderLoader(new ServiceClassLoader(Map.of(AuthTransportProvider.class, transports,
                JsonCodecProvider.class, codecs)), props::get);
    }

    @Test
    void no_provider_names_the_module_to_add() {
        ProviderLoader loader = loader(List.of(), List.of(), Map.of());

        assertThatThrownBy(() -> loader.transport(TransportConfig.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("io.qbauth:auth-transport-jdk")
                .hasMessageContaining("io.qbauth:auth-transport-vertx");
        assertThatThrownBy(loader::codec).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("io.qbauth:auth-codec-jackson");
    }

    @Test
    void the_only_provider_is_chosen() {
        ProviderLoader loader = loader(List.of(TestProviders.Alpha.class), List.of(TestProviders.Codec.class),
                Map.of());

        assertThat(loader.transport(TransportConfig.defaults()).name()).isEqualTo("alpha");
        assertThat(loader.codec().name()).isEqualTo("test");
    }

    @Test
    void several_providers_are_an_error_that_names_them_and_the_property() {
        ProviderLoader loader = loader(List.of(TestProviders.Alpha.class, TestProviders.Beta.class), List.of(),
                Map.of());

        assertThatThrownBy(() -> loader.transport(TransportConfig.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("alpha").hasMessageContaining("beta")
                .hasMessageContaining("-Dqbauth.transport=");
    }

    @Test
    void the_system_property_selects_by_name_or_class_name() {
        List<Class<?>> both = List.of(TestProviders.Alpha.class, TestProviders.Beta.class);

        assertThat(loader(both, List.of(), Map.of("qbauth.transport", "beta")).transport(TransportConfig.defaults())
                .name()).isEqualTo("beta");
        assertThat(loader(both, List.of(), Map.of("qbauth.transport", TestProviders.Alpha.class.getName()))
                .transport(TransportConfig.defaults()).name()).isEqualTo("alpha");
        assertThatThrownBy(() -> loader(both, List.of(), Map.of("qbauth.transport", "gamma"))
                .transport(TransportConfig.defaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gamma");
    }

    @Test
    void the_client_discovers_its_adapters_and_closes_only_the_transport_it_created() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(new ServiceClassLoader(Map.of(
                AuthTransportProvider.class, List.of(TestProviders.Alpha.class),
                JsonCodecProvider.class, List.of(TestProviders.Codec.class))));
        try {
            int closedBefore = TestProviders.CLOSED.get();
            QbAuthClient client = QbAuth.builder().applicationId(1).authKey("k").authSecret("s").build();

            client.close();
            client.close();

            assertThat(TestProviders.CLOSED.get()).isEqualTo(closedBefore + 1);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void building_without_any_adapter_fails_with_a_helpful_message() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(new ServiceClassLoader(Map.of()));
        try {
            assertThatThrownBy(() -> QbAuth.builder().applicationId(1).authKey("k").authSecret("s").build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("io.qbauth:auth-codec-jackson");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
