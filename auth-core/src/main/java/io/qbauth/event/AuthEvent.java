package io.qbauth.event;

import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.InsufficientSessionException;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.RequestRejectedException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.TransportException;
import io.qbauth.domain.UnexpectedFailureException;
import io.qbauth.domain.ValidationException;
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

    /** A {@code QbAuthClient} operation, one per method of the client that talks to the server. */
    enum Operation {
        /** {@code createApplicationSession}. */
        CREATE_APPLICATION_SESSION,
        /** {@code createUserSession}. */
        CREATE_USER_SESSION,
        /** {@code getSession}. */
        GET_SESSION,
        /** {@code signUp}. */
        SIGN_UP,
        /** {@code signUpWithApiKey}. */
        SIGN_UP_WITH_API_KEY,
        /** {@code login}. */
        LOGIN,
        /** {@code logout}. */
        LOGOUT,
        /** {@code destroySession}. */
        DESTROY_SESSION,
        /** {@code startSessionWithToken}. */
        START_WITH_TOKEN,
        /** {@code execute}: an application's own call. */
        EXECUTE
    }

    /**
     * How an operation ended: {@link #SUCCESS}, or the kind of its failure, one value per
     * {@link AuthException} subtype (the tree is sealed, so the set is closed) and {@link #OTHER} for anything else.
     */
    enum Outcome {
        /** The operation succeeded. */
        SUCCESS,
        /** {@link InvalidInputException}. */
        INVALID_INPUT,
        /** {@link ConfigurationException}. */
        CONFIGURATION,
        /** {@link ClientClosedException}. */
        CLIENT_CLOSED,
        /** {@link UnexpectedFailureException}. */
        UNEXPECTED_FAILURE,
        /** {@link InvalidCredentialsException}. */
        INVALID_CREDENTIALS,
        /** {@link ApplicationRejectedException}. */
        APPLICATION_REJECTED,
        /** {@link SessionExpiredException}. */
        SESSION_EXPIRED,
        /** {@link InsufficientSessionException}. */
        INSUFFICIENT_SESSION,
        /** {@link ValidationException}. */
        VALIDATION,
        /** {@link RateLimitedException}. */
        RATE_LIMITED,
        /** {@link RequestRejectedException}. */
        REQUEST_REJECTED,
        /** {@link ServerException}. */
        SERVER,
        /** {@link TransportException}. */
        TRANSPORT,
        /** {@link ProtocolException}. */
        PROTOCOL,
        /** A failure that is not an {@link AuthException} (application code the operation ran threw it). */
        OTHER;

        /** The outcome of an operation that failed with {@code failure} (already unwrapped), or succeeded on null. */
        public static Outcome of(Throwable failure) {
            if (failure == null) {
                return SUCCESS;
            }
            if (!(failure instanceof AuthException authFailure)) {
                return OTHER;
            }
            return switch (authFailure) {
                case InvalidInputException e -> INVALID_INPUT;
                case ConfigurationException e -> CONFIGURATION;
                case ClientClosedException e -> CLIENT_CLOSED;
                case UnexpectedFailureException e -> UNEXPECTED_FAILURE;
                case InvalidCredentialsException e -> INVALID_CREDENTIALS;
                case ApplicationRejectedException e -> APPLICATION_REJECTED;
                case SessionExpiredException e -> SESSION_EXPIRED;
                case InsufficientSessionException e -> INSUFFICIENT_SESSION;
                case ValidationException e -> VALIDATION;
                case RateLimitedException e -> RATE_LIMITED;
                case RequestRejectedException e -> REQUEST_REJECTED;
                case ServerException e -> SERVER;
                case TransportException e -> TRANSPORT;
                case ProtocolException e -> PROTOCOL;
            };
        }
    }

    /**
     * A client operation completed (published after the caller's stage completed, so a listener never delays it).
     *
     * @param operation the client method
     * @param kind      the session kind the operation establishes ({@code createApplicationSession}: application;
     *                  {@code createUserSession}, {@code login}: user; {@code startSessionWithToken}: the adopted
     *                  session's, {@code null} if adopting failed), for the others the kind of the client's session
     *                  when the call started, {@code null} without one
     * @param method    how the operation authenticates (the credentials' method, {@link AuthMethod#TOKEN} for
     *                  {@code startSessionWithToken}), {@code null} when it does not
     * @param outcome   success or the kind of failure
     * @param duration  from the call to the completion of its stage
     */
    record OperationCompleted(Operation operation, SessionKind kind, AuthMethod method, Outcome outcome,
                              Duration duration) implements AuthEvent {
    }

    /** A session was created. */
    record SessionCreated(SessionKind kind, AuthMethod method, CreationReason reason, Duration duration)
            implements AuthEvent {
    }

    /**
     * Creating a session failed; {@code exception} is the simple class name of the failure, {@code duration} how long
     * the attempt took.
     */
    record SessionCreationFailed(SessionKind kind, AuthMethod method, CreationReason reason, String exception,
                                 Duration duration)
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

    /** How an instance of a fleet got a session for an identity it shares through a store (docs/FLEET.md). */
    enum FleetOutcome {
        /** A session another instance had published was adopted: nothing was sent to QuickBlox. */
        ADOPTED,
        /** Another instance was creating it: this one waited for its publication and adopted it. */
        JOINED,
        /** This instance held the creation lease, created the session and published it for the fleet. */
        CREATED,
        /** The store could not help (unavailable, slow, or nothing within the budget): created locally, unshared. */
        LOCAL
    }

    /**
     * The shared session store stopped answering: sessions are created locally until it is back. Published once per
     * transition, never per call.
     *
     * @param reason why: a {@code SharedStoreException} reason ({@code UNAVAILABLE}, {@code TIMEOUT},
     *               {@code REJECTED}, {@code CLOSED}) or the simple class name of another failure
     */
    record SharedStoreUnavailable(String reason) implements AuthEvent {
    }

    /** The shared session store answers again after a {@link SharedStoreUnavailable}: sessions are shared again. */
    record SharedStoreRecovered() implements AuthEvent {
    }

    /**
     * A session of an identity shared through a store was needed (only when the local single flight would create one:
     * never on the hot path) and was had as {@code outcome}.
     */
    record FleetSessionAcquired(SessionKind kind, FleetOutcome outcome) implements AuthEvent {
    }
}
