package io.qbauth.config;

import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidInputException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gives the client fresh user credentials when it must re-create a user session (the old one expired or the server
 * dropped it). Static credentials: {@link #of(Credentials)}. Short-lived provider tokens (Facebook, Firebase, a
 * custom identity provider): implement it to fetch a new token.
 *
 * <p>Called once per re-creation (one re-creation is in flight at a time, however many calls need it), on the
 * thread that noticed the expiry: it must not block (return an incomplete stage instead). A failed stage, or no
 * answer within the transport's request timeout, fails the re-creation with a
 * {@link io.qbauth.domain.SessionExpiredException}; an {@link io.qbauth.domain.AuthException} it fails with is
 * passed on as is.
 */
@FunctionalInterface
public interface CredentialsSupplier {

    /** Credentials for a new user session. */
    CompletionStage<Credentials> credentials();

    /** A supplier that always answers {@code credentials}. */
    static CredentialsSupplier of(Credentials credentials) {
        if (credentials == null) {
            throw new InvalidInputException("credentials is required");
        }
        CompletableFuture<Credentials> answer = CompletableFuture.completedFuture(credentials);
        return answer::minimalCompletionStage;
    }
}
