package io.qbauth.adapter.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.TransportException;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.testkit.transport.SelfSignedTlsServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS: verification is on by default and with a given context; {@code trustAll} switches it off entirely. */
@Timeout(60)
class JdkAuthTransportTlsTest {

    /** Its self-signed certificate names {@code localhost} only (no IP address). */
    private static SelfSignedTlsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = SelfSignedTlsServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void refuses_an_untrusted_certificate_by_default() {
        assertHandshakeFails(TransportConfig.defaults(), "localhost");
    }

    @Test
    void trusts_the_given_context_and_still_checks_the_host_name() throws Exception {
        TransportConfig config = TransportConfig.builder().sslContext(server.trustingContext()).build();

        assertThat(status(config, "localhost")).isEqualTo(200);
        assertHandshakeFails(config, "127.0.0.1");
    }

    @Test
    void trust_all_skips_certificate_and_host_name_checks() {
        TransportConfig config = TransportConfig.builder().trustAll(true).build();

        assertThat(status(config, "127.0.0.1")).isEqualTo(200);
    }

    private static void assertHandshakeFails(TransportConfig config, String host) {
        assertThatThrownBy(() -> status(config, host)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
            assertThat(e).hasMessageContaining("TLS handshake failed");
        });
    }

    private static int status(TransportConfig config, String host) {
        try (JdkAuthTransport transport = JdkAuthTransport.create(config)) {
            return transport.execute(new TransportRequest("GET", server.uri(host, "/session.json"), Map.of(), null,
                            Duration.ofSeconds(10)))
                    .toCompletableFuture().get(20, TimeUnit.SECONDS).status();
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no outcome within 20 s", e);
        }
    }
}
