package io.qbauth.adapter.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.TransportConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The {@link TransportConfig} → Vert.x option mapping that the README's table documents. */
class HttpClientSettingsTest {

    @Test
    void maps_timeouts_pool_and_keep_alive() {
        TransportConfig config = TransportConfig.builder().connectTimeout(Duration.ofMillis(1500)).maxConnections(7)
                .keepAlive(false).idleTimeout(Duration.ofMillis(2001)).build();

        HttpClientOptions options = HttpClientSettings.clientOptions(config);

        assertThat(options.getConnectTimeout()).isEqualTo(1500);
        assertThat(options.isKeepAlive()).isFalse();
        assertThat(options.getKeepAliveTimeout()).as("whole seconds, rounded up").isEqualTo(3);
        assertThat(HttpClientSettings.poolOptions(config).getHttp1MaxSize()).isEqualTo(7);
    }

    @Test
    void speaks_plain_http11_and_verifies_tls_by_default() {
        HttpClientOptions options = HttpClientSettings.clientOptions(TransportConfig.defaults());

        assertThat(options.getProtocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(options.isUseAlpn()).isFalse();
        assertThat(options.isDecompressionSupported()).as("body bytes are handed over as received").isFalse();
        assertThat(options.isVerifyHost()).isTrue();
        assertThat(options.isTrustAll()).isFalse();
        assertThat(options.getSslEngineOptions()).as("the JVM's default trust").isNull();
    }

    @Test
    void uses_the_applications_ssl_context_unless_trust_all_is_set() throws Exception {
        SSLContext context = SSLContext.getDefault();

        HttpClientOptions withContext = HttpClientSettings.clientOptions(
                TransportConfig.builder().sslContext(context).build());
        HttpClientOptions trustAll = HttpClientSettings.clientOptions(
                TransportConfig.builder().sslContext(context).trustAll(true).build());

        assertThat(withContext.getSslEngineOptions()).isInstanceOf(SslContextEngineOptions.class);
        assertThat(withContext.isVerifyHost()).isTrue();
        assertThat(trustAll.getSslEngineOptions()).isNull();
        assertThat(trustAll.isTrustAll()).isTrue();
        assertThat(trustAll.isVerifyHost()).isFalse();
    }
}
