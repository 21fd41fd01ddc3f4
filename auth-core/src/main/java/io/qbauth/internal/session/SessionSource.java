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

    /**
     * {@code live}, the current session of {@code identity}, is gone or going: the server rejected it (401: it does not
     * exist), or a logout or destroy is ending it; the next {@link #create} replaces it. Called on the caller's thread:
     * must not block or throw.
     */
    default void rejected(Identity identity, LiveSession live) {
    }

    /**
     * The expiry of {@code live}, the current session of {@code identity}, moved later (a reply's sliding expiry).
     * Called on the response path of every call: must be cheap, must not block or throw.
     */
    default void extended(Identity identity, LiveSession live) {
    }
}
