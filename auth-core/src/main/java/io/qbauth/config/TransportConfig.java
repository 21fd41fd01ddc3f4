package io.qbauth.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Settings a transport is created with. Immutable; build with {@link #builder()}.
 *
 * @param connectTimeout   how long establishing a connection may take
 * @param requestTimeout   default time limit of one exchange (a request may carry its own)
 * @param maxConnections   at most this many connections to the host at once (the Vert.x pool size; the JDK transport
 *                         bounds its concurrent exchanges to it, callers beyond it wait within their request timeout)
 * @param keepAlive        whether connections are kept open between requests (the JDK transport refuses {@code false}:
 *                         its client always keeps them)
 * @param idleTimeout      how long an idle pooled connection is kept; empty: the transport's own default (Vert.x: 60 s;
 *                         the JDK's JVM-wide {@code jdk.httpclient.keepalive.timeout}). The JDK transport refuses a value,
 *                         as its client has no per-client setting
 * @param maxResponseBytes replies larger than this fail with {@code TransportException.Kind.RESPONSE_TOO_LARGE}
 * @param userAgent        value of the {@code User-Agent} header
 * @param sslContext       TLS context to use instead of the JVM default; TLS verification is always on unless
 *                         {@code trustAll} is set
 * @param trustAll         disables TLS certificate verification (tests against self-signed servers only)
 */
public record TransportConfig(Duration connectTimeout, Duration requestTimeout, int maxConnections, boolean keepAlive,
                              Optional<Duration> idleTimeout, int maxResponseBytes, String userAgent,
                              Optional<SSLContext> sslContext, boolean trustAll) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    public static final String DEFAULT_USER_AGENT = "qbauth-java";

    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        idleTimeout = idleTimeout == null ? Optional.empty() : idleTimeout;
        Objects.requireNonNull(userAgent, "userAgent");
        sslContext = sslContext == null ? Optional.empty() : sslContext;
    }

    /** The defaults: 5 s connect, 15 s request, 64 connections, keep-alive, 4 MiB replies, TLS verified. */
    public static TransportConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.maxConnections = maxConnections;
        b.keepAlive = keepAlive;
        b.idleTimeout = idleTimeout.orElse(null);
        b.maxResponseBytes = maxResponseBytes;
        b.userAgent = userAgent;
        b.sslContext = sslContext.orElse(null);
        b.trustAll = trustAll;
        return b;
    }

    /** Builder of {@link TransportConfig}; {@link #build()} checks every field. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private boolean keepAlive = true;
        private Duration idleTimeout;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private String userAgent = DEFAULT_USER_AGENT;
        private SSLContext sslContext;
        private boolean trustAll;

        private Builder() {
        }

        /** How long establishing a connection may take; default 5 s. */
        public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }

        /** Default time limit of one whole exchange, reply body included; default 15 s. */
        public Builder requestTimeout(Duration value) { requestTimeout = value; return this; }

        /** At most this many connections to the host at once; default 64. */
        public Builder maxConnections(int value) { maxConnections = value; return this; }

        /** Whether connections are reused between requests; default {@code true} (the JDK transport refuses false). */
        public Builder keepAlive(boolean value) { keepAlive = value; return this; }

        /** How long an idle connection is kept; default: the transport's own (the JDK transport refuses a value). */
        public Builder idleTimeout(Duration value) { idleTimeout = value; return this; }

        /** Replies larger than this fail while streaming; default 4 MiB, at least 1024. */
        public Builder maxResponseBytes(int value) { maxResponseBytes = value; return this; }

        /** The {@code User-Agent} header; default {@code qbauth-java}. */
        public Builder userAgent(String value) { userAgent = value; return this; }

        /** A TLS context to use instead of the JVM default. */
        public Builder sslContext(SSLContext value) { sslContext = value; return this; }

        /** Disables TLS certificate and host name verification: tests against self-signed servers only. */
        public Builder trustAll(boolean value) { trustAll = value; return this; }

        /**
         * Builds the config.
         *
         * @throws io.qbauth.domain.ConfigurationException naming the first invalid field
         */
        public TransportConfig build() {
            Checks.positive(connectTimeout, "connectTimeout");
            Checks.positive(requestTimeout, "requestTimeout");
            if (idleTimeout != null) {
                Checks.positive(idleTimeout, "idleTimeout");
            }
            if (maxConnections < 1) {
                throw new io.qbauth.domain.ConfigurationException("maxConnections must be at least 1");
            }
            if (maxResponseBytes < 1024) {
                throw new io.qbauth.domain.ConfigurationException("maxResponseBytes must be at least 1024");
            }
            if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new io.qbauth.domain.ConfigurationException(
                        "userAgent must be non-blank printable text");
            }
            return new TransportConfig(connectTimeout, requestTimeout, maxConnections, keepAlive,
                    Optional.ofNullable(idleTimeout), maxResponseBytes, userAgent, Optional.ofNullable(sslContext), trustAll);
        }
    }
}
