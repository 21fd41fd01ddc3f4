package io.qbauth.internal.session;

import java.util.concurrent.CompletableFuture;

/** Where {@link SingleFlightSessionCache} gets new sessions from, and where it sends the ones it cannot use. */
public interface SessionSource {

    /** Creates a session for {@code identity}; fails with an {@link io.qbauth.domain.AuthException}. */
    CompletableFuture<LiveSession> create(Identity identity);

    /** Ends a session that was created but superseded before it could be published (best effort, never fails). */
    void discard(LiveSession session);

    /**
     * The server rejected {@code live}, the current session of {@code identity} (401: it does not exist); the next
     * {@link #create} replaces it. Called once per rejected session, on the caller's thread: must not block or throw.
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
