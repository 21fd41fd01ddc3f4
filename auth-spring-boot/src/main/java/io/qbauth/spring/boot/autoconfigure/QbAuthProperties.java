package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.config.SignatureAlgorithm;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code qbauth.*} properties: the QuickBlox application, the transport, the session refresh and re-auth rules,
 * the many-users pool and the shared Redis store. The defaults are the SDK's own (a test keeps them equal). The
 * secrets ({@code auth-secret}, {@code api-key}, {@code account-key}, the store's {@code uri} and
 * {@code encryption-key}) are masked in {@code /actuator/env} and {@code /actuator/configprops}.
 */
@ConfigurationProperties("qbauth")
public class QbAuthProperties {

    /** The QuickBlox API endpoint (enterprise hosts too). Plain http needs allow-plain-http. */
    private URI endpoint = URI.create("https://api.quickblox.com");

    /** Whether a plain http endpoint is allowed: tests and local emulators only. */
    private boolean allowPlainHttp = false;

    /** The QuickBlox application id (required, positive). */
    private Long applicationId;

    /** The application's auth key (required). */
    private String authKey;

    /** The application's auth secret (required; signs session creation, never sent, masked). */
    private String authSecret;

    /** The account key: the client then reads its API endpoint from /account_settings.json first (enterprise). */
    private String accountKey;

    /** The server-side API key: enables signUpWithApiKey (masked). */
    private String apiKey;

    /** The HMAC that signs session creation. */
    private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.HMAC_SHA1;

    /** The HTTP transport and its settings. */
    private final Transport transport = new Transport();

    /** When sessions are re-created before they expire, and the back-off after a failed creation. */
    private final Refresh refresh = new Refresh();

    /** What is resent after the server answered that the session does not exist. */
    private final Reauth reauth = new Reauth();

    /** The many-users pool (the UserPool bean). */
    private final Pool pool = new Pool();

    /** A session store shared by every instance of the service (needs io.qbauth:auth-store-redis). */
    private final Store store = new Store();

    /** @return see the field */
    public URI getEndpoint() { return endpoint; }
    /** @param endpoint see the field */
    public void setEndpoint(URI endpoint) { this.endpoint = endpoint; }
    /** @return see the field */
    public boolean isAllowPlainHttp() { return allowPlainHttp; }
    /** @param allowPlainHttp see the field */
    public void setAllowPlainHttp(boolean allowPlainHttp) { this.allowPlainHttp = allowPlainHttp; }
    /** @return see the field */
    public Long getApplicationId() { return applicationId; }
    /** @param applicationId see the field */
    public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
    /** @return see the field */
    public String getAuthKey() { return authKey; }
    /** @param authKey see the field */
    public void setAuthKey(String authKey) { this.authKey = authKey; }
    /** @return see the field */
    public String getAuthSecret() { return authSecret; }
    /** @param authSecret see the field */
    public void setAuthSecret(String authSecret) { this.authSecret = authSecret; }
    /** @return see the field */
    public String getAccountKey() { return accountKey; }
    /** @param accountKey see the field */
    public void setAccountKey(String accountKey) { this.accountKey = accountKey; }
    /** @return see the field */
    public String getApiKey() { return apiKey; }
    /** @param apiKey see the field */
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    /** @return see the field */
    public SignatureAlgorithm getSignatureAlgorithm() { return signatureAlgorithm; }
    /** @param signatureAlgorithm see the field */
    public void setSignatureAlgorithm(SignatureAlgorithm signatureAlgorithm) { this.signatureAlgorithm = signatureAlgorithm; }
    /** @return the transport settings */
    public Transport getTransport() { return transport; }
    /** @return the refresh settings */
    public Refresh getRefresh() { return refresh; }
    /** @return the re-auth settings */
    public Reauth getReauth() { return reauth; }
    /** @return the pool settings */
    public Pool getPool() { return pool; }
    /** @return the store settings */
    public Store getStore() { return store; }

    /** Which transport the client uses. */
    public enum TransportType {
        /** The application's Vert.x when it has a {@code Vertx} bean and auth-transport-vertx is present, else JDK. */
        AUTO,
        /** The JDK {@code HttpClient} transport (io.qbauth:auth-transport-jdk). */
        JDK,
        /** The Vert.x transport: on the application's {@code Vertx} bean, else on a Vert.x of its own. */
        VERTX
    }

    /** {@code qbauth.transport.*}. */
    public static class Transport {

        /** Which transport: auto (the application's Vertx bean if any, else jdk), jdk or vertx. */
        private TransportType type = TransportType.AUTO;

        /** How long establishing a connection may take. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** Default time limit of one whole exchange, reply body included. */
        private Duration requestTimeout = Duration.ofSeconds(15);

        /** At most this many connections to the host at once. */
        private int maxConnections = 64;

        /** Replies larger than this many bytes (4 MiB by default, at least 1024) fail while streaming. */
        private int maxResponseBytes = 4_194_304;

        /** The User-Agent header. */
        private String userAgent = "qbauth-java";

        /** Whether connections are reused between requests (the jdk transport refuses false). */
        private boolean keepAlive = true;

        /** How long an idle connection is kept; unset: the transport's own (the jdk transport refuses a value). */
        private Duration idleTimeout;

        /** @return see the field */
        public TransportType getType() { return type; }
        /** @param type see the field */
        public void setType(TransportType type) { this.type = type; }
        /** @return see the field */
        public Duration getConnectTimeout() { return connectTimeout; }
        /** @param connectTimeout see the field */
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        /** @return see the field */
        public Duration getRequestTimeout() { return requestTimeout; }
        /** @param requestTimeout see the field */
        public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
        /** @return see the field */
        public int getMaxConnections() { return maxConnections; }
        /** @param maxConnections see the field */
        public void setMaxConnections(int maxConnections) { this.maxConnections = maxConnections; }
        /** @return see the field */
        public int getMaxResponseBytes() { return maxResponseBytes; }
        /** @param maxResponseBytes see the field */
        public void setMaxResponseBytes(int maxResponseBytes) { this.maxResponseBytes = maxResponseBytes; }
        /** @return see the field */
        public String getUserAgent() { return userAgent; }
        /** @param userAgent see the field */
        public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
        /** @return see the field */
        public boolean isKeepAlive() { return keepAlive; }
        /** @param keepAlive see the field */
        public void setKeepAlive(boolean keepAlive) { this.keepAlive = keepAlive; }
        /** @return see the field */
        public Duration getIdleTimeout() { return idleTimeout; }
        /** @param idleTimeout see the field */
        public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
    }

    /** {@code qbauth.refresh.*}: see {@code io.qbauth.config.RefreshPolicy}. */
    public static class Refresh {

        /** Remaining lifetime under which a successor session is created in the background. */
        private Duration prefetchMargin = Duration.ofMinutes(5);

        /** Remaining lifetime under which a session is no longer used (callers wait for a new one). */
        private Duration staleMargin = Duration.ofSeconds(60);

        /** Assumed session lifetime after the last request when the server sends no expiry header. */
        private Duration fallbackTtl = Duration.ofHours(2);

        /** Wait after the first failed session creation. */
        private Duration minRetryInterval = Duration.ofMillis(250);

        /** Longest wait between failed session creations. */
        private Duration maxRetryInterval = Duration.ofSeconds(30);

        /** @return see the field */
        public Duration getPrefetchMargin() { return prefetchMargin; }
        /** @param prefetchMargin see the field */
        public void setPrefetchMargin(Duration prefetchMargin) { this.prefetchMargin = prefetchMargin; }
        /** @return see the field */
        public Duration getStaleMargin() { return staleMargin; }
        /** @param staleMargin see the field */
        public void setStaleMargin(Duration staleMargin) { this.staleMargin = staleMargin; }
        /** @return see the field */
        public Duration getFallbackTtl() { return fallbackTtl; }
        /** @param fallbackTtl see the field */
        public void setFallbackTtl(Duration fallbackTtl) { this.fallbackTtl = fallbackTtl; }
        /** @return see the field */
        public Duration getMinRetryInterval() { return minRetryInterval; }
        /** @param minRetryInterval see the field */
        public void setMinRetryInterval(Duration minRetryInterval) { this.minRetryInterval = minRetryInterval; }
        /** @return see the field */
        public Duration getMaxRetryInterval() { return maxRetryInterval; }
        /** @param maxRetryInterval see the field */
        public void setMaxRetryInterval(Duration maxRetryInterval) { this.maxRetryInterval = maxRetryInterval; }
    }

    /** {@code qbauth.reauth.*}: see {@code io.qbauth.config.ReauthPolicy}. */
    public static class Reauth {

        /** Whether POST and PATCH are resent once after the server reported the session gone. */
        private boolean replayNonIdempotent = true;

        /** @return see the field */
        public boolean isReplayNonIdempotent() { return replayNonIdempotent; }
        /** @param replayNonIdempotent see the field */
        public void setReplayNonIdempotent(boolean replayNonIdempotent) { this.replayNonIdempotent = replayNonIdempotent; }
    }

    /** {@code qbauth.pool.*}: see {@code io.qbauth.config.UserPoolConfig}. */
    public static class Pool {

        /** Whether the UserPool bean is defined (it is created only when something injects it). */
        private boolean enabled = true;

        /** The most user identities (each with its session) held at once. */
        private int maxIdentities = 10_000;

        /** How long an identity no call uses is kept. */
        private Duration idleTimeout = Duration.ofMinutes(30);

        /** Whether evicting an identity also ends its session on the server (one more rate-limited request). */
        private boolean destroySessionOnEviction = false;

        /** @return see the field */
        public boolean isEnabled() { return enabled; }
        /** @param enabled see the field */
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        /** @return see the field */
        public int getMaxIdentities() { return maxIdentities; }
        /** @param maxIdentities see the field */
        public void setMaxIdentities(int maxIdentities) { this.maxIdentities = maxIdentities; }
        /** @return see the field */
        public Duration getIdleTimeout() { return idleTimeout; }
        /** @param idleTimeout see the field */
        public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
        /** @return see the field */
        public boolean isDestroySessionOnEviction() { return destroySessionOnEviction; }
        /** @param destroySessionOnEviction see the field */
        public void setDestroySessionOnEviction(boolean destroySessionOnEviction) {
            this.destroySessionOnEviction = destroySessionOnEviction;
        }
    }

    /** {@code qbauth.store.*}. */
    public static class Store {

        /** The Redis store (io.qbauth:auth-store-redis). */
        private final Redis redis = new Redis();

        /** @return the Redis store settings */
        public Redis getRedis() { return redis; }
    }

    /** {@code qbauth.store.redis.*}: see {@code io.qbauth.adapter.store.redis.RedisSessionStore}. */
    public static class Redis {

        /** The Redis URI, e.g. rediss://user:password@redis.internal:6380/0; unset: no shared store (masked). */
        private String uri;

        /** The prefix of every key the store writes. */
        private String keyPrefix = "qbauth";

        /** The AES-256-GCM key that seals the sessions in Redis: 32 bytes, base64 (masked). */
        private String encryptionKey;

        /** The bound of every Redis operation: a slow Redis never holds a caller longer (it then works locally). */
        private Duration operationTimeout = Duration.ofMillis(500);

        /** @return see the field */
        public String getUri() { return uri; }
        /** @param uri see the field */
        public void setUri(String uri) { this.uri = uri; }
        /** @return see the field */
        public String getKeyPrefix() { return keyPrefix; }
        /** @param keyPrefix see the field */
        public void setKeyPrefix(String keyPrefix) { this.keyPrefix = keyPrefix; }
        /** @return see the field */
        public String getEncryptionKey() { return encryptionKey; }
        /** @param encryptionKey see the field */
        public void setEncryptionKey(String encryptionKey) { this.encryptionKey = encryptionKey; }
        /** @return see the field */
        public Duration getOperationTimeout() { return operationTimeout; }
        /** @param operationTimeout see the field */
        public void setOperationTimeout(Duration operationTimeout) { this.operationTimeout = operationTimeout; }
    }
}
