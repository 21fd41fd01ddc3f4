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
 * @param nonce         the echoed {@code nonce}, if present
 * @param timestamp     the echoed {@code ts}, if present
 * @param createdAt     {@code created_at}, if present
 * @param updatedAt     {@code updated_at}, if present
 */
public record SessionPayload(long id, long applicationId, long userId, String token, Optional<Long> nonce,
                             Optional<Long> timestamp, Optional<Instant> createdAt, Optional<Instant> updatedAt) {

    public SessionPayload {
        Objects.requireNonNull(token, "token");
        nonce = nonce == null ? Optional.empty() : nonce;
        timestamp = timestamp == null ? Optional.empty() : timestamp;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        updatedAt = updatedAt == null ? Optional.empty() : updatedAt;
    }

    @Override
    public String toString() {
        return "SessionPayload[id=" + id + ", applicationId=" + applicationId + ", userId=" + userId
                + ", token=***]";
    }
}
