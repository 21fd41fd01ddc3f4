package io.qbauth.adapter.transport.jdk;

import io.qbauth.domain.ConfigurationException;
import io.qbauth.config.TransportConfig;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the {@link HttpClient} a {@link JdkAuthTransport} owns, from a {@link TransportConfig}. */
final class HttpClientFactory {

    /** A client and the executor it runs on; both belong to the transport, which closes them in that order. */
    record OwnedClient(HttpClient client, ExecutorService executor) {
    }

    private static final System.Logger LOG = System.getLogger(HttpClientFactory.class.getName());

    private HttpClientFactory() {
    }

    /**
     * HTTP/1.1 only: QuickBlox and the emulator speak HTTP/1.1, and asking for HTTP/2 over cleartext costs an
     * {@code Upgrade: h2c} attempt on every new connection for nothing. Redirects are never followed, so a session
     * token is never sent to a host the SDK was not configured with.
     *
     * <p>The client's internal tasks (reading and delivering reply bodies) run on virtual threads rather than the
     * default cached pool of platform threads: the hand-offs per exchange are much cheaper (on loopback the CPU time
     * per call fell by a third, see e2e-tests' benchmarks). They share one name, {@code qbauth-jdk-http}: the JDK
     * client starts several tasks per exchange, and numbering each thread cost 2% of the throughput.
     *
     * <p>{@code keepAlive} and {@code idleTimeout} have no per-client setting in the JDK client (only JVM-wide
     * {@code jdk.httpclient.*} system properties): {@link JdkAuthTransport} refuses them. {@code maxConnections} is
     * applied by the transport, which bounds its concurrent exchanges.
     */
    static OwnedClient create(TransportConfig config) {
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("qbauth-jdk-http").factory());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        if (config.trustAll()) {
            LOG.log(System.Logger.Level.WARNING,
                    "TLS certificate and host name verification are disabled (trustAll): use only in tests");
            builder.sslContext(trustAllContext());
        } else {
            config.sslContext().ifPresent(builder::sslContext);
        }
        return new OwnedClient(builder.build(), executor);
    }

    /**
     * A context whose trust manager accepts every certificate. It is an {@link X509ExtendedTrustManager}, so the JDK
     * leaves host name verification to it as well, which it skips.
     */
    private static SSLContext trustAllContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("trustAll: no TLS context available", e);
        }
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
