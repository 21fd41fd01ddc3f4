package io.qbauth.emulator.internal.auth;

import io.qbauth.emulator.internal.security.Secret;
import io.qbauth.emulator.internal.state.AuthMethod;
import io.qbauth.emulator.internal.state.UserKey;

/** User credentials of a create-session or login request. Secrets are {@link Secret}s, masked in toString. */
public sealed interface Credentials {

    /** The login flavour, as counted in statistics. */
    AuthMethod method();

    /**
     * Login or e-mail + password.
     *
     * @param key {@link UserKey#LOGIN} or {@link UserKey#EMAIL}
     * @param identifier the login or e-mail
     * @param password the password
     */
    record Password(UserKey key, String identifier, Secret password) implements Credentials {
        @Override
        public AuthMethod method() {
            return key == UserKey.EMAIL ? AuthMethod.EMAIL : AuthMethod.LOGIN;
        }
    }

    /**
     * {@code provider=facebook}.
     *
     * @param accessToken {@code keys[token]}
     * @param secret {@code keys[secret]}, or {@code null}
     */
    record Facebook(Secret accessToken, Secret secret) implements Credentials {
        @Override
        public AuthMethod method() {
            return AuthMethod.FACEBOOK;
        }
    }

    /**
     * {@code provider=firebase_phone}.
     *
     * @param projectId {@code firebase_phone[project_id]}
     * @param idToken {@code firebase_phone[access_token]}
     */
    record FirebasePhone(String projectId, Secret idToken) implements Credentials {
        @Override
        public AuthMethod method() {
            return AuthMethod.FIREBASE_PHONE;
        }
    }

    /**
     * Login + password of an application in custom identity provider mode.
     *
     * @param userId the user's id at the identity provider (the {@code login})
     * @param accessToken the identity provider's token (the {@code password})
     */
    record CustomIdentity(String userId, Secret accessToken) implements Credentials {
        @Override
        public AuthMethod method() {
            return AuthMethod.CUSTOM;
        }
    }
}
