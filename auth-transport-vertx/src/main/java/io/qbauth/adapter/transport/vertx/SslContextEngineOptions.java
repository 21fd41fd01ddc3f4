package io.qbauth.adapter.transport.vertx;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import javax.net.ssl.SSLContext;

/**
 * Makes Vert.x use an application's {@link SSLContext} (its key and trust managers) for client TLS. Vert.x builds
 * TLS from key/trust <em>options</em>, which cannot be recovered from a ready-made {@code SSLContext}, so this plugs
 * the context in one level lower, as the Netty {@link SslContext} Vert.x asks its engine options for. Vert.x still
 * configures every engine it creates from it: protocols, SNI and host name verification ({@code verifyHost}).
 */
final class SslContextEngineOptions extends SSLEngineOptions {

    private final SSLContext sslContext;

    SslContextEngineOptions(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    @Override
    public SSLEngineOptions copy() {
        return new SslContextEngineOptions(sslContext);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return () -> new JdkSslContext(sslContext, true, ClientAuth.NONE);
    }
}
