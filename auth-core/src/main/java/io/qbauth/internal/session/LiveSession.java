package io.qbauth.internal.session;

import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session in use: immutable identity plus an expiry that only moves later (every reply may extend it) until the
 * server rejects the token, which marks it rejected for good. Carries its own completed future so the hot path of
 * {@link SingleFlightSessionCache#acquire()} allocates nothing.
 */
public final class LiveSession {

    private static final long REJECTED = Long.MIN_VALUE / 4;

    /** {@link #lifetimeMillis()} of a session whose lifetime the client did not see begin (restored, say). */
    public static final long UNKNOWN_LIFETIME = Long.MAX_VALUE;

    private final Session created;
    private final AtomicLong expiresAtMillis;
    private final long lifetimeMillis;
    private final CompletableFuture<LiveSession> ready;

    /** A session whose lifetime is unknown: restored from a store. */
    public LiveSession(Session session) {
        this(session, UNKNOWN_LIFETIME);
    }

    private LiveSession(Session session, long lifetimeMillis) {
        this.created = session;
        this.expiresAtMillis = new AtomicLong(session.expiresAt().toEpochMilli());
        this.lifetimeMillis = lifetimeMillis;
        this.ready = CompletableFuture.completedFuture(this);
    }

    /**
     * A session the server described just now.
     *
     * @param receivedAtMillis when the reply describing it arrived, by the local clock: its lifetime is the expiry
     *                         minus that
     */
    public static LiveSession received(Session session, long receivedAtMillis) {
        return new LiveSession(session, Math.max(0, session.expiresAt().toEpochMilli() - receivedAtMillis));
    }

    /**
     * The lifetime the server gave this session when it was created or adopted (expiry minus the local time of the
     * reply), or {@link #UNKNOWN_LIFETIME}. The cache scales its refresh margins to it.
     */
    public long lifetimeMillis() {
        return lifetimeMillis;
    }

    /** The token. */
    public SessionToken token() {
        return created.token();
    }

    /** The kind. */
    public SessionKind kind() {
        return created.kind();
    }

    /** The expiry in epoch milliseconds; far in the past once rejected. */
    public long expiresAtMillis() {
        return expiresAtMillis.get();
    }

    /** Whether the server has rejected this token. */
    public boolean isRejected() {
        return expiresAtMillis.get() == REJECTED;
    }

    /** Moves the expiry to {@code millis} if that is later, unless the token was rejected. */
    public void extendTo(long millis) {
        long current = expiresAtMillis.get();
        while (current != REJECTED && millis > current) {
            if (expiresAtMillis.compareAndSet(current, millis)) {
                return;
            }
            current = expiresAtMillis.get();
        }
    }

    /** Marks the token rejected; true only for the call that did it. */
    public boolean reject() {
        return expiresAtMillis.getAndSet(REJECTED) != REJECTED;
    }

    /** A completed future of this session (shared: never hand it to application code). */
    CompletableFuture<LiveSession> ready() {
        return ready;
    }

    /** The same token as another kind of session (login: USER with the user's id; logout: APPLICATION, 0). */
    public LiveSession as(SessionKind kind, long userId) {
        return new LiveSession(new Session(created.token(), kind, created.applicationId(), userId,
                created.sessionId(), created.createdAt(), Instant.ofEpochMilli(expiresAtMillis()), created.origin()),
                lifetimeMillis);
    }

    /** An immutable snapshot with the current expiry. */
    public Session snapshot() {
        long expiry = expiresAtMillis.get();
        Instant expiresAt = expiry == REJECTED ? created.createdAt() : Instant.ofEpochMilli(expiry);
        return new Session(created.token(), created.kind(), created.applicationId(), created.userId(),
                created.sessionId(), created.createdAt(), expiresAt, created.origin());
    }
}
