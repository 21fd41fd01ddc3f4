package io.qbauth.config;

import io.qbauth.domain.ConfigurationException;
import io.qbauth.config.TransportConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a client needs to know about the QuickBlox application it authenticates. Immutable; build with
 * {@link #builder()}. {@link Builder#build()} checks every field and fails with a {@link ConfigurationException}
 * naming the field (never quoting a secret). {@link #toString()} prints {@code ***} for the keys and the secret.
 */
public final class QbAuthConfig {

    /** The shared QuickBlox cloud. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://api.quickblox.com");
    /** Longest key or secret accepted. */
    public static final int MAX_KEY_LENGTH = 512;

    private final URI endpoint;
    private final boolean allowPlainHttp;
    private final long applicationId;
    private final String authKey;
    private final String authSecret;
    private final String accountKey;
    private final String apiKey;
    private final SignatureAlgorithm signatureAlgorithm;
    private final TransportConfig transportConfig;
    private final RefreshPolicy refreshPolicy;
    private final ReauthPolicy reauthPolicy;
    private final Clock clock;

    private QbAuthConfig(Builder b) {
        allowPlainHttp = b.allowPlainHttp;
        endpoint = checkEndpoint(b.endpoint, allowPlainHttp);
        if (b.applicationId <= 0) {
            throw new ConfigurationException("applicationId is required and must be positive");
        }
        applicationId = b.applicationId;
        authKey = Checks.text(b.authKey, "authKey", MAX_KEY_LENGTH);
        authSecret = Checks.text(b.authSecret, "authSecret", MAX_KEY_LENGTH);
        accountKey = b.accountKey == null ? null : Checks.text(b.accountKey, "accountKey", MAX_KEY_LENGTH);
        apiKey = b.apiKey == null ? null : Checks.text(b.apiKey, "apiKey", MAX_KEY_LENGTH);
        signatureAlgorithm = Checks.notNull(b.signatureAlgorithm, "signatureAlgorithm");
        transportConfig = Checks.notNull(b.transportConfig, "transportConfig");
        refreshPolicy = Checks.notNull(b.refreshPolicy, "refreshPolicy");
        reauthPolicy = Checks.notNull(b.reauthPolicy, "reauthPolicy");
        clock = Checks.notNull(b.clock, "clock");
    }

    /** A new builder with the defaults ({@link #DEFAULT_ENDPOINT}, HMAC-SHA1, system UTC clock). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with this config. */
    public Builder toBuilder() {
        return new Builder().endpoint(endpoint).allowPlainHttp(allowPlainHttp).applicationId(applicationId)
                .authKey(authKey).authSecret(authSecret).accountKey(accountKey).apiKey(apiKey)
                .signatureAlgorithm(signatureAlgorithm).transportConfig(transportConfig).refreshPolicy(refreshPolicy)
                .reauthPolicy(reauthPolicy).clock(clock);
    }

    /** The API base URI, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** Whether a plain {@code http} endpoint was explicitly allowed. */
    public boolean allowPlainHttp() {
        return allowPlainHttp;
    }

    /** The QuickBlox application id. */
    public long applicationId() {
        return applicationId;
    }

    /** The application's auth key. */
    public String authKey() {
        return authKey;
    }

    /** The application's auth secret (signs session creation; never sent, never logged). */
    public String authSecret() {
        return authSecret;
    }

    /** The account key, if configured: the client then discovers its API endpoint from {@code /account_settings.json}. */
    public Optional<String> accountKey() {
        return Optional.ofNullable(accountKey);
    }

    /** The server-side API key, if configured (needed by {@code signUpWithApiKey}). */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The HMAC used to sign session creation. */
    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The settings a discovered transport is created with. */
    public TransportConfig transportConfig() {
        return transportConfig;
    }

    /** Session prefetch and creation back-off. */
    public RefreshPolicy refreshPolicy() {
        return refreshPolicy;
    }

    /** What is replayed after a session expiry. */
    public ReauthPolicy reauthPolicy() {
        return reauthPolicy;
    }

    /** The clock for signing timestamps and session expiry. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "QbAuthConfig[endpoint=" + endpoint + ", applicationId=" + applicationId + ", authKey=***"
                + ", authSecret=***, accountKey=" + (accountKey == null ? "none" : "***")
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", signatureAlgorithm=" + signatureAlgorithm
                + ", refreshPolicy=" + refreshPolicy + ", reauthPolicy=" + reauthPolicy + "]";
    }

    private static URI checkEndpoint(URI endpoint, boolean allowPlainHttp) {
        Checks.notNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!endpoint.isAbsolute() || endpoint.isOpaque() || endpoint.getHost() == null
                || endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigurationException(
                    "endpoint must be an absolute http(s) URI with a host and no user info, query or fragment");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw new ConfigurationException(
                    "endpoint uses plain http: set allowPlainHttp(true) to allow it (tests and local emulators only)");
        }
        String text = endpoint.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : endpoint;
    }

    /** Builder of {@link QbAuthConfig}; setters take no {@code set} prefix, {@link #build()} validates. */
    public static final class Builder {
        private URI endpoint = DEFAULT_ENDPOINT;
        private boolean allowPlainHttp;
        private long applicationId;
        private String authKey;
        private String authSecret;
        private String accountKey;
        private String apiKey;
        private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.HMAC_SHA1;
        private TransportConfig transportConfig = TransportConfig.defaults();
        private RefreshPolicy refreshPolicy = RefreshPolicy.ofDefaults();
        private ReauthPolicy reauthPolicy = ReauthPolicy.ofDefaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The API base URI (default {@code https://api.quickblox.com}); plain http needs {@link #allowPlainHttp}. */
        public Builder endpoint(URI value) { endpoint = value; return this; }
        /** Allows a plain {@code http} endpoint (tests and local emulators only; default false). */
        public Builder allowPlainHttp(boolean value) { allowPlainHttp = value; return this; }
        /** The application id (required, positive). */
        public Builder applicationId(long value) { applicationId = value; return this; }
        /** The auth key (required). */
        public Builder authKey(String value) { authKey = value; return this; }
        /** The auth secret (required). */
        public Builder authSecret(String value) { authSecret = value; return this; }
        /**
         * The account key (optional; null for none). With one, the client reads its account's API endpoint from
         * {@code GET /account_settings.json} at {@link #endpoint(URI) endpoint} (header {@code QB-Account-Key}) before
         * its first request, once, and sends every request there.
         */
        public Builder accountKey(String value) { accountKey = value; return this; }
        /** The server-side API key (optional; null for none). */
        public Builder apiKey(String value) { apiKey = value; return this; }
        /** The signature HMAC (default HMAC-SHA1). */
        public Builder signatureAlgorithm(SignatureAlgorithm value) { signatureAlgorithm = value; return this; }
        /** Settings for a discovered transport (default {@link TransportConfig#defaults()}). */
        public Builder transportConfig(TransportConfig value) { transportConfig = value; return this; }
        /** Prefetch and back-off (default {@link RefreshPolicy#ofDefaults()}). */
        public Builder refreshPolicy(RefreshPolicy value) { refreshPolicy = value; return this; }
        /** Replay rules (default {@link ReauthPolicy#ofDefaults()}). */
        public Builder reauthPolicy(ReauthPolicy value) { reauthPolicy = value; return this; }
        /** The clock (default system UTC); tests pass a fixed or manual one. */
        public Builder clock(Clock value) { clock = value; return this; }

        /**
         * Builds the config.
         *
         * @throws ConfigurationException naming the first invalid field
         */
        public QbAuthConfig build() {
            return new QbAuthConfig(this);
        }
    }
}
