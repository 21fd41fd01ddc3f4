package io.qbauth.emulator.internal.state;

/** How a session came to exist; the wire names are the keys of the per-method statistics. */
public enum AuthMethod {
    /** Application session from {@code POST /session.json} without user credentials. */
    APP("app"),
    /** {@code login} + {@code password}. */
    LOGIN("login"),
    /** {@code email} + {@code password}. */
    EMAIL("email"),
    /** {@code provider=facebook}. */
    FACEBOOK("facebook"),
    /** {@code provider=firebase_phone}. */
    FIREBASE_PHONE("firebase_phone"),
    /** {@code login} + {@code password} against an application in custom identity provider mode. */
    CUSTOM("custom"),
    /** {@code POST /users/{id}/tokens} with an API key. */
    API_KEY("api_key");

    /** Session kind of an application session. */
    public static final String APPLICATION_KIND = "application";
    /** Session kind of a user session. */
    public static final String USER_KIND = "user";

    private final String wireName;

    AuthMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in statistics and metrics. */
    public String wireName() {
        return wireName;
    }

    /** {@value #APPLICATION_KIND} for {@link #APP}, {@value #USER_KIND} for every other method. */
    public String sessionKind() {
        return this == APP ? APPLICATION_KIND : USER_KIND;
    }
}
