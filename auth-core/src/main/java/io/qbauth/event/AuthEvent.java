package io.qbauth.event;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import java.time.Duration;

/**
 * What happened to a client's session. Every component is bounded (an enum, an HTTP method, an exception's simple
 * name), so events map directly onto metric tags, except the salted key hash of the {@code UserPool} events, which
 * is for log correlation only; no event carries a secret, a token, a login, a user id or a pool key.
 */
public sealed interface AuthEvent {

    /** Why a session was created. */
    enum CreationReason {
        /** The client had no session yet. */
        INITIAL,
        /** The session reached its expiry (minus the stale margin) on the local clock. */
        EXPIRED_LOCALLY,
        /** The server answered that the session does not exist. */
        REJECTED_BY_SERVER,
        /** The session was close to expiry and its successor was created in the background. */
        PREFETCH,
        /** The application asked for it ({@code createApplicationSession}, {@code createUserSession}, {@code login}). */
        EXPLICIT
    }

    /** Result of a compare-and-invalidate after the server rejected a token. */
    enum InvalidationOutcome {
        /** The rejected token was current and has been dropped. */
        INVALIDATED,
        /** Another call had already replaced the rejected token. */
        ALREADY_REPLACED
    }

    /** Why a {@code UserPool} stopped holding an identity. */
    enum RemovalReason {
        /** The pool was full and this was its least recently used idle identity. */
        EVICTED_CAPACITY,
        /** It had been idle longer than the pool's idle timeout. */
        EVICTED_IDLE,
        /** The user logged out through the pool. */
        LOGGED_OUT,
        /** The user's session was destroyed through the pool. */
        DESTROYED,
        /** The application mapped the key to other credentials ({@code replaceUser}). */
        REPLACED,
        /** The pool was closed. */
        POOL_CLOSED
    }

    /** What happened to a request that met a session expiry. */
    enum ReplayResult {
        /** It was sent again with the new session. */
        REPLAYED,
        /** It was not resent: opted out, or a POST/PATCH with replay of non-idempotent calls off. */
        SKIPPED_NOT_REPLAYABLE,
        /** No new session could be had, or the resent request failed without a reply. */
        FAILED
    }

    /** A session was created. */
    record SessionCreated(SessionKind kind, AuthMethod method, CreationReason reason, Duration duration)
            implements AuthEvent {
    }

    /** Creating a session failed; {@code exception} is the simple class name of the failure. */
    record SessionCreationFailed(SessionKind kind, AuthMethod method, CreationReason reason, String exception)
            implements AuthEvent {
    }

    /** A caller waited for a session creation another caller had started instead of starting its own. */
    record FlightJoined(SessionKind kind) implements AuthEvent {
    }

    /** The server rejected a token and the client compared it with its current one. */
    record SessionInvalidated(InvalidationOutcome outcome) implements AuthEvent {
    }

    /** The session is gone: the server said it does not exist, or it expired on the local clock. */
    record SessionExpired(SessionKind kind) implements AuthEvent {
    }

    /** A session that had expired was replaced by a new one of the same kind. */
    record SessionRecreated(SessionKind kind) implements AuthEvent {
    }

    /** A request met a session expiry; see {@code result}. */
    record RequestReplayed(String httpMethod, ReplayResult result) implements AuthEvent {
    }

    /** The session was destroyed ({@code destroySession}). */
    record SessionDestroyed(SessionKind kind) implements AuthEvent {
    }

    /** An application session was upgraded to a user session ({@code login}). */
    record LoggedIn(AuthMethod method) implements AuthEvent {
    }

    /** A user session was downgraded to an application session ({@code logout}). */
    record LoggedOut() implements AuthEvent {
    }

    /**
     * A {@code UserPool} started holding an identity. {@code keyHash} identifies the application's key for
     * correlation within this process only: a salted hash (the salt is random per process), never the key itself;
     * unbounded, so never a metric tag.
     */
    record PoolIdentityAdded(String keyHash) implements AuthEvent {
    }

    /** A {@code UserPool} stopped holding an identity; {@code keyHash} as in {@link PoolIdentityAdded}. */
    record PoolIdentityRemoved(String keyHash, RemovalReason reason) implements AuthEvent {
    }
}
