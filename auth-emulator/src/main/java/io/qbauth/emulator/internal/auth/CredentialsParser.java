package io.qbauth.emulator.internal.auth;

import io.qbauth.emulator.internal.params.RequestParams;
import io.qbauth.emulator.internal.security.Secret;
import io.qbauth.emulator.internal.state.UserKey;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads user credentials from request parameters with the JS SDK's precedence: login + password, then e-mail +
 * password, then {@code provider}. {@code POST /session.json} nests login, e-mail and password under {@code user[]};
 * {@code POST /login.json} sends them top-level. Provider parameters have the same names in both.
 */
public final class CredentialsParser {

    private static final String FACEBOOK = "facebook";
    private static final String FIREBASE_PHONE = "firebase_phone";

    private CredentialsParser() {
    }

    /**
     * Credentials of a create-session request; empty for an application session.
     *
     * @throws AuthenticationFailure when credentials are present but incomplete or of an unknown provider
     */
    public static Optional<Credentials> fromSessionRequest(RequestParams params, boolean customIdentityProvider) {
        return parse(params, field -> "user[" + field + ']', customIdentityProvider);
    }

    /**
     * Credentials of a login request; empty when there are none.
     *
     * @throws AuthenticationFailure when credentials are present but incomplete or of an unknown provider
     */
    public static Optional<Credentials> fromLoginRequest(RequestParams params, boolean customIdentityProvider) {
        return parse(params, UnaryOperator.identity(), customIdentityProvider);
    }

    private static Optional<Credentials> parse(RequestParams params, UnaryOperator<String> userField,
            boolean customIdentityProvider) {
        String login = nonBlank(params.get(userField.apply("login")));
        String email = nonBlank(params.get(userField.apply("email")));
        String password = params.get(userField.apply("password"));
        if (login != null) {
            Secret secret = requirePassword(password);
            return Optional.of(customIdentityProvider
                    ? new Credentials.CustomIdentity(login, secret)
                    : new Credentials.Password(UserKey.LOGIN, login, secret));
        }
        if (email != null) {
            return Optional.of(new Credentials.Password(UserKey.EMAIL, email, requirePassword(password)));
        }
        String provider = params.get("provider");
        if (provider != null) {
            return Optional.of(providerCredentials(provider, params));
        }
        if (password != null) {
            throw new AuthenticationFailure("password without login or email");
        }
        return Optional.empty();
    }

    private static Credentials providerCredentials(String provider, RequestParams params) {
        return switch (provider) {
            case FACEBOOK -> new Credentials.Facebook(
                    required(params.get("keys", "token"), "keys[token]"),
                    Optional.ofNullable(params.get("keys", "secret")).map(Secret::of).orElse(null));
            case FIREBASE_PHONE -> new Credentials.FirebasePhone(
                    requiredText(params.get(FIREBASE_PHONE, "project_id"), "firebase_phone[project_id]"),
                    required(params.get(FIREBASE_PHONE, "access_token"), "firebase_phone[access_token]"));
            default -> throw new AuthenticationFailure("unsupported provider");
        };
    }

    private static Secret requirePassword(String password) {
        return required(password, "password");
    }

    private static Secret required(String value, String name) {
        return Secret.of(requiredText(value, name));
    }

    private static String requiredText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new AuthenticationFailure(name + " is missing");
        }
        return value;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
