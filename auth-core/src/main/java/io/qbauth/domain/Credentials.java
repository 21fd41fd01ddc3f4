package io.qbauth.domain;

import java.util.Optional;

/**
 * What a user authenticates with. Each record validates its components when it is built (null, blank, oversize or
 * control characters fail with an {@link InvalidInputException} naming the component) and prints {@code ***} in
 * place of every secret in {@code toString()}.
 */
public sealed interface Credentials
        permits Credentials.LoginPassword, Credentials.EmailPassword, Credentials.FacebookToken,
                Credentials.FirebasePhone, Credentials.CustomIdentity {

    /** Longest login, email, project id or external user id accepted. */
    int MAX_IDENTIFIER_LENGTH = 255;
    /** Longest password accepted. */
    int MAX_PASSWORD_LENGTH = 1024;
    /** Longest provider token (Facebook, Firebase ID token, custom identity token) accepted. */
    int MAX_TOKEN_LENGTH = 8192;

    /** The method these credentials authenticate with. */
    AuthMethod method();

    /** Login and password. */
    static LoginPassword login(String login, String password) {
        return new LoginPassword(login, password);
    }

    /** Email and password. */
    static EmailPassword email(String email, String password) {
        return new EmailPassword(email, password);
    }

    /** A Facebook access token. */
    static FacebookToken facebook(String accessToken) {
        return new FacebookToken(accessToken, Optional.empty(), Optional.empty());
    }

    /** A Facebook access token with its secret. */
    static FacebookToken facebook(String accessToken, String secret) {
        return new FacebookToken(accessToken, Optional.of(Text.notNull(secret, "secret")), Optional.empty());
    }

    /** A Firebase phone-auth ID token of the given Firebase project. */
    static FirebasePhone firebasePhone(String projectId, String idToken) {
        return new FirebasePhone(projectId, idToken);
    }

    /** A token issued by the application's own identity provider for the given user id (external login). */
    static CustomIdentity customIdentity(String userId, String accessToken) {
        return new CustomIdentity(userId, accessToken);
    }

    /**
     * Login and password.
     *
     * @param login    the user's login
     * @param password the user's password (secret)
     */
    record LoginPassword(String login, String password) implements Credentials {
        public LoginPassword {
            Text.require(login, "login", MAX_IDENTIFIER_LENGTH);
            Text.require(password, "password", MAX_PASSWORD_LENGTH);
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.LOGIN;
        }

        @Override
        public String toString() {
            return "LoginPassword[login=" + login + ", password=***]";
        }
    }

    /**
     * Email and password.
     *
     * @param email    the user's email
     * @param password the user's password (secret)
     */
    record EmailPassword(String email, String password) implements Credentials {
        public EmailPassword {
            Text.require(email, "email", MAX_IDENTIFIER_LENGTH);
            Text.require(password, "password", MAX_PASSWORD_LENGTH);
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.EMAIL;
        }

        @Override
        public String toString() {
            return "EmailPassword[email=" + email + ", password=***]";
        }
    }

    /**
     * A Facebook access token ({@code provider=facebook}).
     *
     * @param accessToken the access token (secret)
     * @param secret      the token secret, if any (secret)
     * @param scope       the permission scope, if any (e.g. {@code friends_status,read_stream})
     */
    record FacebookToken(String accessToken, Optional<String> secret, Optional<String> scope) implements Credentials {
        public FacebookToken {
            Text.require(accessToken, "accessToken", MAX_TOKEN_LENGTH);
            secret = Text.notNull(secret, "secret");
            scope = Text.notNull(scope, "scope");
            secret.ifPresent(value -> Text.require(value, "secret", MAX_TOKEN_LENGTH));
            scope.ifPresent(value -> Text.require(value, "scope", MAX_TOKEN_LENGTH));
        }

        /** The same credentials with a permission scope. */
        public FacebookToken withScope(String scope) {
            return new FacebookToken(accessToken, secret, Optional.of(Text.notNull(scope, "scope")));
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.FACEBOOK;
        }

        @Override
        public String toString() {
            return "FacebookToken[accessToken=***, secret=" + (secret.isPresent() ? "***" : "none")
                    + ", scope=" + scope.orElse("none") + "]";
        }
    }

    /**
     * A Firebase phone-auth ID token ({@code provider=firebase_phone}).
     *
     * @param projectId the Firebase project id
     * @param idToken   the Firebase ID token (secret)
     */
    record FirebasePhone(String projectId, String idToken) implements Credentials {
        public FirebasePhone {
            Text.require(projectId, "projectId", MAX_IDENTIFIER_LENGTH);
            Text.require(idToken, "idToken", MAX_TOKEN_LENGTH);
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.FIREBASE_PHONE;
        }

        @Override
        public String toString() {
            return "FirebasePhone[projectId=" + projectId + ", idToken=***]";
        }
    }

    /**
     * A token of the application's own identity provider. On the wire it travels as login ({@code userId}) and
     * password ({@code accessToken}); QuickBlox hands the pair to the configured identity provider.
     *
     * @param userId      the user's id (or login) at the identity provider
     * @param accessToken the identity provider's token (secret)
     */
    record CustomIdentity(String userId, String accessToken) implements Credentials {
        public CustomIdentity {
            Text.require(userId, "userId", MAX_IDENTIFIER_LENGTH);
            Text.require(accessToken, "accessToken", MAX_TOKEN_LENGTH);
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.CUSTOM_IDENTITY;
        }

        @Override
        public String toString() {
            return "CustomIdentity[userId=" + userId + ", accessToken=***]";
        }
    }
}
