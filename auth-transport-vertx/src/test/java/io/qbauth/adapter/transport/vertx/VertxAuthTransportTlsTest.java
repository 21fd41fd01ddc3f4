package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static io.qbauth.adapter.transport.vertx.Exchanges.response;
import static io.qbauth.adapter.transport.vertx.Exchanges.transportFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.qbauth.domain.TransportException.Kind;
import io.qbauth.spi.TransportConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a server whose self-signed certificate names {@code localhost} only: verification of the certificate
 * and of the host name is on by default and with an application's {@link SSLContext}; {@code trustAll} turns both
 * off.
 */
class VertxAuthTransportTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static KeyStore serverKeys;
    private static HttpsServer server;

    @BeforeAll
    static void start() throws Exception {
        serverKeys = selfSignedForLocalhost(dir.resolve("server.p12"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
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
                TransportConfig.builder().sslContext(trusting(serverKeys)).build())) {
            assertThat(response(transport.execute(get(uri("localhost")))).status()).isEqualTo(200);
        }
    }

    @Test
    void theHostNameIsStillVerifiedWithTheApplicationsSslContext() throws Exception {
        try (VertxAuthTransport transport = VertxAuthTransport.create(
                TransportConfig.builder().sslContext(trusting(serverKeys)).build())) {
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
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/session.json");
    }

    private static SSLContext trusting(KeyStore trusted) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A key pair and self-signed certificate for {@code localhost} (no IP address), made with the JDK's keytool. */
    private static KeyStore selfSignedForLocalhost(Path file) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool exit code").isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
