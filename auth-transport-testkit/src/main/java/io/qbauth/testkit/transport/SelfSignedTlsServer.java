package io.qbauth.testkit.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS server on the loopback address (the JDK's {@code com.sun.net.httpserver}) whose self-signed certificate
 * names {@code localhost} only, no IP address: reached as {@code localhost} it passes host name verification for a
 * client that trusts it, reached as {@code 127.0.0.1} it does not. Every request gets 200 with no body. For a
 * transport's TLS tests: verification on by default, with an application's {@link SSLContext}, and off with
 * {@code trustAll}.
 *
 * <pre>{@code
 * try (SelfSignedTlsServer server = SelfSignedTlsServer.start()) {
 *     TransportConfig trusting = TransportConfig.builder().sslContext(server.trustingContext()).build();
 *     URI ok = server.uri("localhost", "/session.json"), wrongHost = server.uri("127.0.0.1", "/session.json");
 * }
 * }</pre>
 */
public final class SelfSignedTlsServer implements AutoCloseable {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keyStore;
    private final HttpsServer server;

    private SelfSignedTlsServer(KeyStore keyStore, HttpsServer server) {
        this.keyStore = keyStore;
        this.server = server;
    }

    /** Generates the certificate (a few hundred milliseconds: keytool runs in a process) and starts the server. */
    public static SelfSignedTlsServer start() throws IOException, InterruptedException, GeneralSecurityException {
        KeyStore keyStore = selfSignedForLocalhost();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        return new SelfSignedTlsServer(keyStore, server);
    }

    /** {@code https://<host>:<port><path>}: {@code localhost} matches the certificate, {@code 127.0.0.1} does not. */
    public URI uri(String host, String path) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + path);
    }

    /** A client context that trusts this server's certificate and nothing else. */
    public SSLContext trustingContext() throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * A key pair and a self-signed certificate for {@code localhost} (no IP address), valid for two days, made with
     * the running JDK's keytool in a temporary directory that is deleted afterwards.
     */
    private static KeyStore selfSignedForLocalhost() throws IOException, InterruptedException,
            GeneralSecurityException {
        Path dir = Files.createTempDirectory("qbauth-tls");
        Path file = dir.resolve("server.p12");
        try {
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
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
