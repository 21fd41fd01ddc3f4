package io.qbauth.spi;

import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.Session;

/**
 * A session as a {@link SharedSessionStore} holds it: the session and the generation it was published with. The
 * generation identifies one publication of one identity; a newer one is always greater (docs/FLEET.md §4).
 * {@link #toString()} hides the token, as {@link Session#toString()} does.
 *
 * @param session    the session; its {@code expiresAt} is in the reader's clock (the store's remaining lifetime
 *                   added to the reader's now), its origin {@link Session.Origin#ADOPTED} when read from the store
 * @param generation the fencing generation it was published with, positive
 */
public record SharedSession(Session session, long generation) {

    /** @throws InvalidInputException if the session is null or the generation not positive */
    public SharedSession {
        if (session == null) {
            throw new InvalidInputException("session is required");
        }
        if (generation <= 0) {
            throw new InvalidInputException("generation must be positive");
        }
    }
}
