package io.qbauth.internal.pool;

import io.qbauth.config.SessionStore;
import io.qbauth.domain.Session;
import java.util.Optional;

/** The pool's users keep their sessions in their caches only: a store that keeps nothing, shared by all. */
enum NoSessionStore implements SessionStore {
    INSTANCE;

    @Override
    public Optional<Session> load() {
        return Optional.empty();
    }

    @Override
    public void save(Session session) {
        // nothing kept
    }

    @Override
    public void clear() {
        // nothing kept
    }
}
