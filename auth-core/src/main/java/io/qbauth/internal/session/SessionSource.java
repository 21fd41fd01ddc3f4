package io.qbauth.internal.session;

import java.util.concurrent.CompletableFuture;

/** Where {@link SingleFlightSessionCache} gets new sessions from, and where it sends the ones it cannot use. */
public interface SessionSource {

    /** Creates a session for {@code identity}; fails with an {@link io.qbauth.domain.AuthException}. */
    CompletableFuture<LiveSession> create(Identity identity);

    /** Ends a session that was created but superseded before it could be published (best effort, never fails). */
    void discard(LiveSession session);
}
