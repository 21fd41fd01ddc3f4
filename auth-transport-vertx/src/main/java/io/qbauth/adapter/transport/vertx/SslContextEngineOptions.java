package io.qbauth.adapter.transport.vertx;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes Vert.x use an application's {@link SSLContext} (its key and trust managers) for client TLS. Vert.x builds
 * TLS from key/trust <em>options</em>, which cannot be recovered from a ready-made {@code SSLContext}, so this plugs
 * the context in one level lower, as the Netty {@link SslContext} Vert.x asks its engine options for.
 *
 * <p>Since Vert.x 5.1 the factory itself applies what Vert.x hands it for a client — host name verification (the
 * endpoint identification algorithm, {@code HTTPS} under {@code verifyHost}), the SNI server name and the enabled
 * protocols — to every engine it makes; a factory that ignored them would make engines that never check the host
 * name. {@link Factory} applies them in {@link DelegatingSslContext#initEngine}.
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
        return new Factory(sslContext);
    }

    /** One client context over the application's {@code SSLContext}, its engines set up as Vert.x asks. */
    static final class Factory implements SslContextFactory {

        private final SSLContext sslContext;
        private SNIServerName serverName;
        private String endpointIdentificationAlgorithm;
        private Set<String> enabledProtocols;

        Factory(SSLContext sslContext) {
            this.sslContext = sslContext;
        }

        @Override
        public SslContextFactory forClient(SNIServerName serverName, String endpointIdentificationAlgorithm) {
            this.serverName = serverName;
            this.endpointIdentificationAlgorithm = endpointIdentificationAlgorithm;
            return this;
        }

        @Override
        public SslContextFactory enabledProtocols(Set<String> enabledProtocols) {
            this.enabledProtocols = enabledProtocols;
            return this;
        }

        @Override
        public SslContext create() {
            SNIServerName sni = serverName;
            String algorithm = endpointIdentificationAlgorithm;
            Set<String> protocols = enabledProtocols;
            return new DelegatingSslContext(new JdkSslContext(sslContext, true, ClientAuth.NONE)) {
                @Override
                protected void initEngine(SSLEngine engine) {
                    SSLParameters parameters = engine.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm(algorithm == null ? "" : algorithm);
                    if (sni != null) {
                        parameters.setServerNames(List.of(sni));
                    }
                    if (protocols != null && !protocols.isEmpty()) {
                        List<String> supported = Arrays.asList(engine.getSupportedProtocols());
                        parameters.setProtocols(protocols.stream().filter(supported::contains).toArray(String[]::new));
                    }
                    engine.setSSLParameters(parameters);
                }
            };
        }
    }
}
