package io.qbauth.e2e.hostile;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.e2e.support.JvmWarmup;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import java.time.Duration;

/** A client of the hostile server on its own transport; closing it closes both. */
final class HostileSdk implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);
    static final int MAX_REPLY_BYTES = 64 * 1024;
    /** Short timeouts and a 64 KiB reply limit. */
    static final TransportConfig SMALL = TransportConfig.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .requestTimeout(REQUEST_TIMEOUT)
            .maxResponseBytes(MAX_REPLY_BYTES)
            .build();

    private final AuthTransport transport;
    private final QbAuthClient client;

    private HostileSdk(AuthTransport transport, QbAuthClient client) {
        this.transport = transport;
        this.client = client;
    }

    static HostileSdk start(TransportUnderTest transportUnderTest, HostileServer server) {
        return start(transportUnderTest, server, SMALL);
    }

    static HostileSdk start(TransportUnderTest transportUnderTest, HostileServer server, TransportConfig config) {
        JvmWarmup.once();
        AuthTransport transport = transportUnderTest.create(config);
        QbAuthClient client = QbAuth.builder().endpoint(server.baseUrl()).allowPlainHttp(true)
                .applicationId(12345L).authKey("hostile-auth-key").authSecret("hostile-auth-secret")
                .transportConfig(config).transport(transport).build();
        return new HostileSdk(transport, client);
    }

    /** A client with an API key (for {@code signUpWithApiKey}). */
    static HostileSdk startWithApiKey(TransportUnderTest transportUnderTest, HostileServer server, String apiKey) {
        JvmWarmup.once();
        AuthTransport transport = transportUnderTest.create(SMALL);
        QbAuthClient client = QbAuth.builder().endpoint(server.baseUrl()).allowPlainHttp(true)
                .applicationId(12345L).authKey("hostile-auth-key").authSecret("hostile-auth-secret").apiKey(apiKey)
                .transportConfig(SMALL).transport(transport).build();
        return new HostileSdk(transport, client);
    }

    QbAuthClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            transport.close();
        }
    }
}
