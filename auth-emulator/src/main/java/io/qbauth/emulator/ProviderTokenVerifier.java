package io.qbauth.emulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the third-party tokens of provider logins. The emulator has no network, so it cannot ask Facebook,
 * Firebase or a customer's identity provider; this interface stands in for them. Implementations must be
 * thread-safe; they are called on a worker thread and may block. An exception counts as a rejection.
 *
 * <p>The default, {@link #testTokens()}, accepts self-describing test tokens (see the module README).
 */
public interface ProviderTokenVerifier {

    /**
     * Verifies a Facebook access token.
     *
     * @param accessToken {@code keys[token]}
     * @param secret {@code keys[secret]}, or {@code null} when the client sent none
     * @return the Facebook user, or empty to reject the login
     */
    Optional<VerifiedIdentity> verifyFacebook(String accessToken, String secret);

    /**
     * Verifies a Firebase phone-auth ID token.
     *
     * @param projectId {@code firebase_phone[project_id]}
     * @param idToken {@code firebase_phone[access_token]}
     * @param now the emulator's clock, for the expiry check
     * @return the identity whose {@link VerifiedIdentity#subject() subject} is the phone number, or empty
     */
    Optional<VerifiedIdentity> verifyFirebasePhone(String projectId, String idToken, Instant now);

    /**
     * Verifies a custom identity provider login (applications in custom identity provider mode).
     *
     * @param userId {@code login}: the user's id at the identity provider
     * @param accessToken {@code password}: the identity provider's access token
     * @return the identity whose {@link VerifiedIdentity#subject() subject} becomes the QuickBlox login, or empty
     */
    Optional<VerifiedIdentity> verifyCustomIdentity(String userId, String accessToken);

    /**
     * The default verifier. Facebook: {@code fb-test:<facebookUserId>[:<name>]}. Firebase: a JWT with
     * {@code "alg":"none"} or HS256 keyed with the project id, whose claims hold {@code phone_number},
     * {@code aud} equal to the project id and a future {@code exp}. Custom identity provider:
     * {@code idp-test:<userId>} with the same user id as the login.
     */
    static ProviderTokenVerifier testTokens() {
        return TestTokenVerifier.INSTANCE;
    }

    /**
     * A user as the provider knows them.
     *
     * @param subject the provider's stable user key: Facebook user id, phone number, or external user id
     * @param fullName the display name to give a newly created QuickBlox user, or {@code null}
     */
    record VerifiedIdentity(String subject, String fullName) {

        /** Checks the subject. */
        public VerifiedIdentity {
            Objects.requireNonNull(subject, "subject");
            if (subject.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
            }
        }

        /** An identity without a display name. */
        public static VerifiedIdentity of(String subject) {
            return new VerifiedIdentity(subject, null);
        }
    }
}
