package io.qbauth.spi;

import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidInputException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gives the client fresh user credentials when it must re-create a user session (the old one expired or the server
 * dropped it). Static credentials: {@link #of(Credentials)}. Short-lived provider tokens (Facebook, Firebase, a
 * custom identity provider): implement it to fetch a new token.
 *
 * <p>Called at most once per re-creation, never concurrently for one client, from the thread that noticed the
 * expiry: it must not block (return an incomplete stage instead). A failed stage fails the re-creation.
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
