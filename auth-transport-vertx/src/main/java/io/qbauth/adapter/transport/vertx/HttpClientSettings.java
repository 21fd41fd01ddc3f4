package io.qbauth.adapter.transport.vertx;

import io.qbauth.config.TransportConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;

/**
 * Maps a {@link TransportConfig} onto the Vert.x HTTP client's options.
 *
 * <ul>
 *   <li>HTTP/1.1 only, no ALPN, no decompression (the body is handed over byte for byte), no redirects.</li>
 *   <li>{@code maxConnections} is the HTTP/1.1 pool size per host; {@code connectTimeout} bounds TCP connect;
 *       {@code keepAlive} and {@code idleTimeout} become Vert.x keep-alive and its keep-alive timeout (how long an
 *       idle pooled connection stays open, whole seconds, rounded up; 60 s when the config leaves it empty).</li>
 *   <li>TLS: certificates and host names are verified against the JVM's default trust store unless
 *       {@code sslContext} supplies the trust (and keys), or {@code trustAll} turns verification off. {@code trustAll}
 *       wins over {@code sslContext} and logs a warning.</li>
 * </ul>
 */
final class HttpClientSettings {

    private static final System.Logger LOG = System.getLogger(HttpClientSettings.class.getName());
    /** The idle timeout when the config leaves it to the transport. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private HttpClientSettings() {
    }

    static HttpClientOptions clientOptions(TransportConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setUseAlpn(false)
                .setDecompressionSupported(false)
                .setConnectTimeout(saturatedMillis(config.connectTimeout()))
                .setKeepAlive(config.keepAlive())
                .setKeepAliveTimeout(wholeSecondsRoundedUp(config.idleTimeout().orElse(DEFAULT_IDLE_TIMEOUT)))
                .setVerifyHost(true)
                .setTrustAll(false);
        if (config.trustAll()) {
            LOG.log(System.Logger.Level.WARNING,
                    "TLS certificate and host name verification are disabled (trustAll): use only in tests");
            options.setTrustAll(true).setVerifyHost(false);
        } else {
            config.sslContext().ifPresent(context -> options.setSslEngineOptions(new SslContextEngineOptions(context)));
        }
        return options;
    }

    static PoolOptions poolOptions(TransportConfig config) {
        return new PoolOptions().setHttp1MaxSize(config.maxConnections());
    }

    private static int saturatedMillis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static int wholeSecondsRoundedUp(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }
}
