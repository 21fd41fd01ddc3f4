package io.qbauth.adapter.transport.jdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ConfigurationException;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the JDK transport does with each {@link TransportConfig} field it cannot set on its client: it refuses
 * {@code keepAlive(false)} and an {@code idleTimeout} — never ignores them. The {@code maxConnections} it applies
 * itself is checked by the shared contract ({@link JdkAuthTransportContractTest}: at most that many connections,
 * and a caller waiting for one times out within its deadline).
 */
class TransportConfigHonouredTest {

    @Test
    void keep_alive_off_is_refused_with_a_clear_message() {
        TransportConfig config = TransportConfig.builder().keepAlive(false).build();

        assertThatThrownBy(() -> JdkAuthTransport.create(config))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("keepAlive(false)");
        assertThatThrownBy(() -> JdkAuthTransport.create(HttpClient.newHttpClient(), config))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("keepAlive(false)");
    }

    @Test
    void an_idle_timeout_is_refused_with_the_jvm_wide_alternative() {
        TransportConfig config = TransportConfig.builder().idleTimeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> JdkAuthTransport.create(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("idleTimeout")
                .hasMessageContaining("jdk.httpclient.keepalive.timeout");
    }

    @Test
    void the_transport_provider_refuses_them_too() {
        TransportConfig config = TransportConfig.builder().idleTimeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> new JdkAuthTransportProvider().create(config))
                .isInstanceOf(ConfigurationException.class);
    }
}
