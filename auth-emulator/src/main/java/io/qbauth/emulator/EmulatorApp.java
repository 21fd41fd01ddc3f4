package io.qbauth.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * A QuickBlox application the emulator serves: its id, auth key and auth secret, optionally a server API key and
 * the custom identity provider mode. Immutable; {@link #toString()} masks the secret and the API key.
 *
 * <pre>{@code
 * EmulatorApp.of(12345L, "authKey", "authSecret").withApiKey("apiKey")
 * }</pre>
 */
public final class EmulatorApp {

    private final long id;
    private final String authKey;
    private final String authSecret;
    private final String apiKey;
    private final boolean customIdentityProvider;

    private EmulatorApp(long id, String authKey, String authSecret, String apiKey, boolean customIdentityProvider) {
        this.id = id;
        this.authKey = authKey;
        this.authSecret = authSecret;
        this.apiKey = apiKey;
        this.customIdentityProvider = customIdentityProvider;
    }

    /**
     * An application with no API key and the normal login + password flow.
     *
     * @param id application id, positive
     * @param authKey the {@code auth_key} clients send, not blank
     * @param authSecret the HMAC key of create-session signatures, not blank
     */
    public static EmulatorApp of(long id, String authKey, String authSecret) {
        if (id <= 0) {
            throw new IllegalArgumentException("application id must be positive, got " + id);
        }
        return new EmulatorApp(id, requireText(authKey, "auth key"), requireText(authSecret, "auth secret"),
                null, false);
    }

    /** A copy that also accepts {@code Authorization: ApiKey <apiKey>} for server-side calls. */
    public EmulatorApp withApiKey(String apiKey) {
        return new EmulatorApp(id, authKey, authSecret, requireText(apiKey, "API key"), customIdentityProvider);
    }

    /**
     * A copy in custom identity provider mode: {@code login} + {@code password} are an external user id and an
     * access token, checked by {@link ProviderTokenVerifier#verifyCustomIdentity}, and the QuickBlox user is created
     * on first login.
     */
    public EmulatorApp withCustomIdentityProvider() {
        return new EmulatorApp(id, authKey, authSecret, apiKey, true);
    }

    /** The application id. */
    public long id() {
        return id;
    }

    /** The {@code auth_key}. */
    public String authKey() {
        return authKey;
    }

    /** The auth secret (signature key). */
    public String authSecret() {
        return authSecret;
    }

    /** The server API key, if the application has one. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** Whether login + password go to the custom identity provider. */
    public boolean customIdentityProvider() {
        return customIdentityProvider;
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmulatorApp that
                && id == that.id
                && customIdentityProvider == that.customIdentityProvider
                && authKey.equals(that.authKey)
                && authSecret.equals(that.authSecret)
                && Objects.equals(apiKey, that.apiKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, authKey, authSecret, apiKey, customIdentityProvider);
    }

    @Override
    public String toString() {
        return "EmulatorApp[id=" + id + ", authKey=" + authKey + ", authSecret=***, apiKey="
                + (apiKey == null ? "none" : "***") + ", customIdentityProvider=" + customIdentityProvider + "]";
    }
}
