package io.qbauth.adapter.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.TransportConfig;
import io.qbauth.spi.TransportRequest;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS: verification is on by default and with a given context; {@code trustAll} switches it off entirely. */
@Timeout(60)
class JdkAuthTransportTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static KeyStore keyStore;
    private static HttpsServer server;

    /** A self-signed certificate for {@code localhost} only (no IP address), made with the JDK's keytool. */
    @BeforeAll
    static void startServer() throws Exception {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool").isTrue();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
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
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void refuses_an_untrusted_certificate_by_default() {
        assertHandshakeFails(TransportConfig.defaults(), "localhost");
    }

    @Test
    void trusts_the_given_context_and_still_checks_the_host_name() throws Exception {
        TransportConfig config = TransportConfig.builder().sslContext(trusting(keyStore)).build();

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
        URI uri = URI.create("https://" + host + ":" + server.getAddress().getPort() + "/session.json");
        try (JdkAuthTransport transport = new JdkAuthTransport(config)) {
            return transport.execute(new TransportRequest("GET", uri, Map.of(), null, Duration.ofSeconds(10)))
                    .toCompletableFuture().get(20, TimeUnit.SECONDS).status();
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no outcome within 20 s", e);
        }
    }

    private static SSLContext trusting(KeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
