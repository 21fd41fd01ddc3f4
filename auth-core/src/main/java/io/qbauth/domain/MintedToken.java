package io.qbauth.domain;

import java.time.Instant;

/**
 * A user session token minted on the server for a front end, which adopts it with {@code startSessionWithToken}.
 * {@link #toString()} hides the token.
 *
 * @param token     the session token (secret: hand it to that user's front end only)
 * @param userId    the QuickBlox id of the user the session belongs to
 * @param expiresAt when the session is expected to expire, in local clock time, if no request extends it
 */
public record MintedToken(SessionToken token, long userId, Instant expiresAt) {

    /** @throws InvalidInputException if a component is null or the user id is not positive */
    public MintedToken {
        Text.notNull(token, "token");
        Text.notNull(expiresAt, "expiresAt");
        if (userId <= 0) {
            throw new InvalidInputException("userId must be positive");
        }
    }

    @Override
    public String toString() {
        return "MintedToken[token=***, userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
