package io.qbauth.internal.session;

import io.qbauth.event.AuthScope;
import java.util.concurrent.CompletableFuture;

/** Where {@link SingleFlightSessionCache} gets new sessions from, and where it sends the ones it cannot use. */
public interface SessionSource {

    /** Creates a session for {@code identity}; fails with an {@link io.qbauth.domain.AuthException}. */
    CompletableFuture<LiveSession> create(Identity identity);

    /**
     * As {@link #create(Identity)}, its exchanges traced under {@code parent} (the creation's scope); a source that
     * does not trace ignores it.
     */
    default CompletableFuture<LiveSession> create(Identity identity, AuthScope parent) {
        return create(identity);
    }

    /** Ends a session that was created but superseded before it could be published (best effort, never fails). */
    void discard(LiveSession session);
}
