package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static io.qbauth.adapter.transport.vertx.Exchanges.response;
import static io.qbauth.adapter.transport.vertx.Exchanges.transportFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException.Kind;
import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.SelfSignedTlsServer;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS against a server whose self-signed certificate names {@code localhost} only: verification of the certificate
 * and of the host name is on by default and with an application's {@link SSLContext}; {@code trustAll} turns both
 * off.
 */
class VertxAuthTransportTlsTest {

    private static SelfSignedTlsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SelfSignedTlsServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUntrustedCertificateFailsTheHandshakeByDefault() throws Exception {
        try (VertxAuthTransport transport = VertxAuthTransport.create(TransportConfig.defaults())) {
            assertThat(transportFailure(transport.execute(get(uri("localhost"))), Kind.CONNECT))
                    .hasMessage("GET /session.json: TLS handshake failed");
        }
    }

    @Test
    void theApplicationsSslContextSuppliesTheTrust() throws Exception {
        try (VertxAuthTransport transport = VertxAuthTransport.create(
                TransportConfig.builder().sslContext(server.trustingContext()).build())) {
            assertThat(response(transport.execute(get(uri("localhost")))).status()).isEqualTo(200);
        }
    }

    @Test
    void theHostNameIsStillVerifiedWithTheApplicationsSslContext() throws Exception {
        try (VertxAuthTransport transport = VertxAuthTransport.create(
                TransportConfig.builder().sslContext(server.trustingContext()).build())) {
            transportFailure(transport.execute(get(uri("127.0.0.1"))), Kind.CONNECT);
        }
    }

    @Test
    void trustAllSkipsCertificateAndHostNameVerification() throws Exception {
        try (VertxAuthTransport transport = VertxAuthTransport.create(TransportConfig.builder().trustAll(true).build())) {
            assertThat(response(transport.execute(get(uri("127.0.0.1")))).status()).isEqualTo(200);
        }
    }

    private static URI uri(String host) {
        return server.uri(host, "/session.json");
    }
}
