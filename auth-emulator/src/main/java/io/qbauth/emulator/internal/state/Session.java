package io.qbauth.emulator.internal.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A QuickBlox session. Immutable: a request that uses it produces a copy with a later expiry.
 *
 * @param token the session token (secret: never in {@link #toString()})
 * @param id numeric session id
 * @param applicationId owning application
 * @param userId the logged-in user, {@code 0} for an application session
 * @param nonce the {@code nonce} of the create request, echoed in the session object
 * @param timestamp the {@code timestamp} of the create request, echoed as {@code ts}
 * @param createdAt creation time
 * @param updatedAt last change of {@code userId}
 * @param expiresAt the session is dead from this instant on
 * @param rendered the session's JSON view once rendered: it does not change when the expiry slides, so the copies
 *     {@link #extendedTo} makes share it, and a change of user starts a new one
 */
public record Session(
        String token, long id, long applicationId, long userId, long nonce, long timestamp,
        Instant createdAt, Instant updatedAt, Instant expiresAt, Rendered rendered) {

    /** Whether the session is a user session. */
    public boolean hasUser() {
        return userId != 0;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    Session extendedTo(Instant newExpiry) {
        return new Session(token, id, applicationId, userId, nonce, timestamp, createdAt, updatedAt, newExpiry,
                rendered);
    }

    Session withUser(long newUserId, Instant now, Duration ttl) {
        return new Session(token, id, applicationId, newUserId, nonce, timestamp, createdAt, now, now.plus(ttl),
                new Rendered());
    }

    /**
     * A rendering of the session, computed once and shared by its copies. Unsynchronized on purpose: two threads may
     * both render it, and a reader sees either null or a complete (immutable) string.
     */
    public static final class Rendered {
        private String json;

        /** The cached rendering, or null. */
        public String get() {
            return json;
        }

        /** Caches a rendering. */
        public void set(String rendering) {
            this.json = rendering;
        }
    }

    @Override
    public String toString() {
        return "Session[id=" + id + ", applicationId=" + applicationId + ", userId=" + userId
                + ", expiresAt=" + expiresAt + ", token=***]";
    }
}
