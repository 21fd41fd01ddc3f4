package io.qbauth.internal.pool;

import io.qbauth.domain.Credentials;
import io.qbauth.internal.session.Identity;

/**
 * The identity key a pooled user is shared under in a fleet (docs/FLEET.md §2): its sign-in method, the pool key
 * and, for credentials given once, the subject they name (login, email, external user id, Firebase project), so
 * two instances that mapped one key to different users never share a session. Only ever used as the input of a
 * keyed digest ({@link io.qbauth.spi.FleetIdentity#derive}): never stored, logged or sent.
 */
final class FleetKeys {

    private FleetKeys() {
    }

    /** The identity key of {@code identity} held under pool key {@code key}. */
    static String of(String key, Identity.User identity) {
        String subject = identity.credentials() instanceof StaticCredentials given ? subject(given.value()) : "";
        return "user\0" + identity.method().name() + "\0" + key + "\0" + subject;
    }

    private static String subject(Credentials credentials) {
        return switch (credentials) {
            case Credentials.LoginPassword c -> c.login();
            case Credentials.EmailPassword c -> c.email();
            case Credentials.CustomIdentity c -> c.userId();
            case Credentials.FirebasePhone c -> c.projectId();
            case Credentials.FacebookToken c -> "";
        };
    }
}
