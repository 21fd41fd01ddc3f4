package io.qbauth.domain;

/** How a session was obtained. Bounded, so it is safe as a metric tag. */
public enum AuthMethod {
    /** Application credentials only. */
    APPLICATION,
    /** Login and password. */
    LOGIN,
    /** Email and password. */
    EMAIL,
    /** A Facebook access token. */
    FACEBOOK,
    /** A Firebase phone-auth ID token. */
    FIREBASE_PHONE,
    /** A token of the application's own identity provider. */
    CUSTOM_IDENTITY,
    /** An existing session token handed to the client. */
    TOKEN
}
