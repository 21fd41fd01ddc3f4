package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.ReauthPolicy;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ConfigurationException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link QbAuthProperties} into the SDK's config objects. Every failure is an
 * {@link InvalidQbAuthPropertyException} that names the {@code qbauth.*} property (the SDK's own messages name its
 * builder fields: they are rewritten to the properties), never quoting a value.
 */
final class QbAuthSettings {

    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-z][A-Za-z]*\\b");

    private static final Map<String, String> CLIENT = Map.of("endpoint", "qbauth.endpoint",
            "allowPlainHttp", "qbauth.allow-plain-http", "applicationId", "qbauth.application-id",
            "authKey", "qbauth.auth-key", "authSecret", "qbauth.auth-secret", "accountKey", "qbauth.account-key",
            "apiKey", "qbauth.api-key", "signatureAlgorithm", "qbauth.signature-algorithm");
    private static final Map<String, String> TRANSPORT = Map.of("connectTimeout", "qbauth.transport.connect-timeout",
            "requestTimeout", "qbauth.transport.request-timeout", "maxConnections", "qbauth.transport.max-connections",
            "maxResponseBytes", "qbauth.transport.max-response-bytes", "userAgent", "qbauth.transport.user-agent",
            "keepAlive", "qbauth.transport.keep-alive", "idleTimeout", "qbauth.transport.idle-timeout");
    private static final Map<String, String> REFRESH = Map.of("prefetchMargin", "qbauth.refresh.prefetch-margin",
            "staleMargin", "qbauth.refresh.stale-margin", "fallbackTtl", "qbauth.refresh.fallback-ttl",
            "minRetryInterval", "qbauth.refresh.min-retry-interval",
            "maxRetryInterval", "qbauth.refresh.max-retry-interval");
    private static final Map<String, String> POOL = Map.of("maxIdentities", "qbauth.pool.max-identities",
            "idleTimeout", "qbauth.pool.idle-timeout",
            "destroySessionOnEviction", "qbauth.pool.destroy-session-on-eviction");

    private QbAuthSettings() {
    }

    /** The client config; the transport settings in it are those of {@link #transportConfig}. */
    static QbAuthConfig clientConfig(QbAuthProperties properties) {
        Long applicationId = properties.getApplicationId();
        if (applicationId == null || applicationId <= 0) {
            throw invalid("qbauth.application-id", "qbauth.application-id must be set to a positive number");
        }
        requireText(properties.getAuthKey(), "qbauth.auth-key");
        requireText(properties.getAuthSecret(), "qbauth.auth-secret");
        TransportConfig transport = transportConfig(properties.getTransport());
        RefreshPolicy refresh = build(REFRESH, () -> {
            QbAuthProperties.Refresh r = properties.getRefresh();
            return RefreshPolicy.custom().prefetchMargin(r.getPrefetchMargin()).staleMargin(r.getStaleMargin())
                    .fallbackTtl(r.getFallbackTtl()).minRetryInterval(r.getMinRetryInterval())
                    .maxRetryInterval(r.getMaxRetryInterval()).build();
        });
        ReauthPolicy reauth = ReauthPolicy.custom()
                .replayNonIdempotentAfterSessionExpiry(properties.getReauth().isReplayNonIdempotent()).build();
        return build(CLIENT, () -> QbAuthConfig.builder().endpoint(properties.getEndpoint())
                .allowPlainHttp(properties.isAllowPlainHttp()).applicationId(applicationId)
                .authKey(properties.getAuthKey()).authSecret(properties.getAuthSecret())
                .accountKey(properties.getAccountKey()).apiKey(properties.getApiKey())
                .signatureAlgorithm(properties.getSignatureAlgorithm()).transportConfig(transport)
                .refreshPolicy(refresh).reauthPolicy(reauth).build());
    }

    /** The transport settings of {@code qbauth.transport.*}. */
    static TransportConfig transportConfig(QbAuthProperties.Transport t) {
        return build(TRANSPORT, () -> TransportConfig.builder().connectTimeout(t.getConnectTimeout())
                .requestTimeout(t.getRequestTimeout()).maxConnections(t.getMaxConnections())
                .maxResponseBytes(t.getMaxResponseBytes()).userAgent(t.getUserAgent()).keepAlive(t.isKeepAlive())
                .idleTimeout(t.getIdleTimeout()).build());
    }

    /** The pool bounds of {@code qbauth.pool.*}. */
    static UserPoolConfig poolConfig(QbAuthProperties.Pool p) {
        return build(POOL, () -> UserPoolConfig.builder().maxIdentities(p.getMaxIdentities())
                .idleTimeout(p.getIdleTimeout()).destroySessionOnEviction(p.isDestroySessionOnEviction()).build());
    }

    /**
     * Runs {@code step} (building with the {@code qbauth.transport.*} settings, e.g. creating the transport),
     * rewriting a {@link ConfigurationException} into one that names the transport properties.
     */
    static <T> T withTransportProperties(Supplier<T> step) {
        return build(TRANSPORT, step);
    }

    /**
     * Runs {@code step}, rewriting a {@link ConfigurationException} whose message names fields of {@code fields}
     * into one that names their properties; the property at fault is the first one named.
     */
    static <T> T build(Map<String, String> fields, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigurationException e) {
            String message = e.getMessage() == null ? "invalid" : e.getMessage();
            String property = null;
            StringBuilder rewritten = new StringBuilder();
            Matcher words = IDENTIFIER.matcher(message);
            while (words.find()) {
                String named = fields.get(words.group());
                if (named != null && property == null) {
                    property = named;
                }
                words.appendReplacement(rewritten, Matcher.quoteReplacement(named != null ? named : words.group()));
            }
            words.appendTail(rewritten);
            String text = rewritten.toString().replace("qbauth.allow-plain-http(true)", "qbauth.allow-plain-http=true");
            String section = property != null ? property : "qbauth";
            throw new InvalidQbAuthPropertyException(section, text.startsWith(section) ? text : section + ": " + text,
                    e);
        }
    }

    private static void requireText(String value, String property) {
        if (value == null || value.isBlank()) {
            throw invalid(property, property + " must not be blank");
        }
    }

    private static InvalidQbAuthPropertyException invalid(String property, String message) {
        return new InvalidQbAuthPropertyException(property, message, null);
    }
}
