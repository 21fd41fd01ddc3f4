package io.qbauth.config;

import io.qbauth.domain.Session;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a client keeps a copy of its session, so a restarted process (or, later, another instance) can pick it up.
 * The client reads it once when it is built: a stored session that has not expired is adopted (an application
 * session is re-created with the application credentials when it expires; a user session only with a
 * {@link CredentialsSupplier}, like {@code startSessionWithToken}). It writes it whenever a new session is published (creation, login, logout, adoption) and clears it when the session
 * ends. The hot path never touches it. The default, {@link #inMemory()}, keeps nothing beyond the process.
 *
 * <p>Implementations must be thread-safe, quick, and must not block for long: {@link #save} and {@link #clear}
 * run on the thread that published the change. A store sees session tokens: keep them as secret as passwords.
 */
public interface SessionStore {

    /** The stored session, if any. */
    Optional<Session> load();

    /** Stores {@code session}, replacing the previous one. */
    void save(Session session);

    /** Forgets the stored session. */
    void clear();

    /** A store that lives in this process only. */
    static SessionStore inMemory() {
        AtomicReference<Session> slot = new AtomicReference<>();
        return new SessionStore() {
            @Override
            public Optional<Session> load() {
                return Optional.ofNullable(slot.get());
            }

            @Override
            public void save(Session session) {
                slot.set(session);
            }

            @Override
            public void clear() {
                slot.set(null);
            }
        };
    }
}
