package io.qbauth.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code session} object of a QuickBlox reply, as decoded by a {@link JsonCodec}. A wire-level value: the core
 * turns it into a domain session. {@link #toString()} hides the token.
 *
 * @param id            numeric session id ({@code id}), 0 if absent
 * @param applicationId {@code application_id}
 * @param userId        {@code user_id}: 0 for an application session
 * @param token         the session token
 * @param createdAt     {@code created_at}, if present
 */
public record SessionPayload(long id, long applicationId, long userId, String token, Optional<Instant> createdAt) {

    public SessionPayload {
        Objects.requireNonNull(token, "token");
        createdAt = createdAt == null ? Optional.empty() : createdAt;
    }

    @Override
    public String toString() {
        return "SessionPayload[id=" + id + ", applicationId=" + applicationId + ", userId=" + userId
                + ", token=***]";
    }
}
