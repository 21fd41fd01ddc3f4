package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static io.qbauth.adapter.transport.vertx.Exchanges.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.StubHttpServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARCHITECTURE §1 with both transports on the class path (this module's tests also see auth-transport-jdk): an
 * explicit instance wins, {@code -Dqbauth.transport} picks one, and with neither the build fails naming the property.
 * Which transport the client got is read from its {@code toString()} ({@code transport=<name>}).
 */
class TransportSelectionTest {

    private static final String PROPERTY = "qbauth.transport";
    @RegisterExtension
    static final StubHttpServer server = StubHttpServer.start();
    private final String propertyBefore = System.getProperty(PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (propertyBefore == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, propertyBefore);
        }
    }

    @Test
    void with_both_on_the_class_path_and_no_choice_the_build_fails_naming_the_property() {
        System.clearProperty(PROPERTY);

        assertThatThrownBy(() -> builder().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("-Dqbauth.transport=").hasMessageContaining("vertx").hasMessageContaining("jdk");
    }

    @Test
    void the_property_picks_vertx() {
        System.setProperty(PROPERTY, "vertx");

        try (QbAuthClient client = builder().build()) {
            assertThat(client.toString()).contains("transport=vertx");
        }
    }

    @Test
    void the_property_picks_jdk_too() {
        System.setProperty(PROPERTY, "jdk");

        try (QbAuthClient client = builder().build()) {
            assertThat(client.toString()).contains("transport=jdk");
        }
    }

    @Test
    void an_explicit_instance_wins_over_the_property_and_is_left_open_by_the_client() throws Exception {
        System.setProperty(PROPERTY, "jdk");
        try (VertxAuthTransport mine = VertxAuthTransport.create(TransportConfig.defaults())) {
            try (QbAuthClient client = builder().transport(mine).build()) {
                assertThat(client.toString()).contains("transport=vertx");
            }

            assertThat(response(mine.execute(get(server.uri("/still-open")))).status()).isEqualTo(200);
        }
    }

    private static QbAuth.Builder builder() {
        return QbAuth.builder().endpoint(URI.create("https://api.quickblox.example")).applicationId(1)
                .authKey("key").authSecret("secret");
    }
}
