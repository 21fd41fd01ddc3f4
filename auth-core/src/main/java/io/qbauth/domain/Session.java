package io.qbauth.domain;

import java.time.Instant;

/**
 * An immutable snapshot of a QuickBlox session as the client knows it. {@link #toString()} hides the token.
 *
 * @param token         the session token
 * @param kind          application or user session
 * @param applicationId the QuickBlox application id
 * @param userId        the user's id for a user session, 0 for an application session
 * @param sessionId     the server's numeric session id, 0 when unknown (an adopted token)
 * @param createdAt     when the session was created (server time when the server said so)
 * @param expiresAt     when the session is expected to expire, in local clock time (skew-corrected)
 * @param origin        whether this client created the session or adopted an existing token
 */
public record Session(SessionToken token, SessionKind kind, long applicationId, long userId, long sessionId,
                      Instant createdAt, Instant expiresAt, Origin origin) {

    /** Where a session came from. */
    public enum Origin {
        /** Created by this client ({@code POST /session.json}). */
        CREATED,
        /** An existing token handed to the client ({@code startSessionWithToken}) or restored from a store. */
        ADOPTED
    }

    /**
     * @throws InvalidInputException if a component is null, an id is negative, or the kind does not match the
     *                               user id (a user session has a positive user id, an application session 0)
     */
    public Session {
        Text.notNull(token, "token");
        Text.notNull(kind, "kind");
        Text.notNull(createdAt, "createdAt");
        Text.notNull(expiresAt, "expiresAt");
        Text.notNull(origin, "origin");
        if (applicationId < 0 || sessionId < 0 || userId < 0) {
            throw new InvalidInputException("applicationId, userId and sessionId must not be negative");
        }
        if ((kind == SessionKind.USER) != (userId > 0)) {
            throw new InvalidInputException("a USER session needs a positive userId, an APPLICATION session 0");
        }
    }

    /** Whether the session has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Session[token=***, kind=" + kind + ", applicationId=" + applicationId + ", userId=" + userId
                + ", sessionId=" + sessionId + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt
                + ", origin=" + origin + "]";
    }
}
