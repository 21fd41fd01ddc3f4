package io.qbauth.internal.pool;

import io.qbauth.config.CredentialsSupplier;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.event.AuthEvent.RemovalReason;
import io.qbauth.internal.http.QuickBloxHttp;
import io.qbauth.internal.http.TimedResponse;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.LiveSession;
import io.qbauth.internal.wiring.Wiring;
import io.qbauth.spi.TransportSupport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The session operations of one pooled user, each on that user's own session: every call leases the user's entry
 * (adding it if the pool does not hold it) for its whole duration, so eviction never breaks it. Failures, invalid
 * input included, complete the returned future exceptionally; nothing here throws.
 */
public final class UserOperations {

    private static final ApiRequest GET_SESSION = ApiRequest.get(QuickBloxHttp.SESSION_PATH);
    private static final ApiRequest DELETE_LOGIN = ApiRequest.delete(QuickBloxHttp.LOGIN_PATH);
    private static final ApiRequest DELETE_SESSION = ApiRequest.delete(QuickBloxHttp.SESSION_PATH);

    private final IdentityRegistry registry;
    private final Wiring wiring;

    public UserOperations(IdentityRegistry registry) {
        this.registry = registry;
        this.wiring = registry.wiring();
    }

    /**
     * The identity of a user with credentials given once: equal to another for equal credentials.
     *
     * @throws InvalidInputException if {@code credentials} is null
     */
    public static Identity.User identity(Credentials credentials) {
        if (credentials == null) {
            throw new InvalidInputException("credentials is required");
        }
        return new Identity.User(credentials.method(), new StaticCredentials(credentials));
    }

    /**
     * The identity of a user whose credentials {@code supplier} gives at each creation: equal to another for the same
     * method and an equal supplier (the same instance, unless its class defines equality).
     *
     * @throws InvalidInputException if an argument is null or {@code method} is not a user method
     */
    public static Identity.User identity(AuthMethod method, CredentialsSupplier supplier) {
        if (method == null || supplier == null) {
            throw new InvalidInputException(method == null ? "method is required" : "credentialsSupplier is required");
        }
        if (method == AuthMethod.APPLICATION || method == AuthMethod.TOKEN) {
            throw new InvalidInputException("method must be a user's sign-in method, not " + method);
        }
        return new Identity.User(method, supplier);
    }

    /** {@code GET /session.json} with the user's session (created first if needed): the server's view of it. */
    public CompletableFuture<Session> getSession(String key, Identity.User identity) {
        return leased(key, identity, entry -> entry.cache.acquire().thenCompose(live -> entry.executor
                .executeWith(GET_SESSION, live)
                .thenApply(exchange -> wiring.sessions().describe(live.token(), exchange, live.snapshot().origin(),
                        GET_SESSION))));
    }

    /** An authenticated call with the user's session, re-authenticated once if the server says it is gone. */
    public CompletableFuture<ApiResponse> execute(String key, Identity.User identity, ApiRequest request) {
        if (request == null) {
            return CompletableFuture.failedFuture(new InvalidInputException("request is required"));
        }
        return leased(key, identity, entry -> entry.executor.execute(request).thenApply(TimedResponse::response));
    }

    /**
     * A session of the user with at least {@code minRemaining} left: the current one if it has that much, else a new
     * one (joining a creation already in flight for the user).
     */
    public CompletableFuture<MintedToken> mintToken(String key, Identity.User identity, Duration minRemaining) {
        if (minRemaining == null || minRemaining.isNegative()
                || minRemaining.compareTo(wiring.config().refreshPolicy().fallbackTtl()) >= 0) {
            return CompletableFuture.failedFuture(new InvalidInputException("minRemaining must be zero or positive "
                    + "and shorter than the session lifetime (RefreshPolicy.fallbackTtl, "
                    + wiring.config().refreshPolicy().fallbackTtl() + ")"));
        }
        long minMillis = minRemaining.toMillis();
        return leased(key, identity, entry -> entry.cache.acquire().thenCompose(live -> {
            if (live.expiresAtMillis() - wiring.config().clock().millis() >= minMillis) {
                return CompletableFuture.completedFuture(live);
            }
            return entry.cache.create(entry.identity, entry.identity, () -> wiring.sessions().create(entry.identity));
        }).thenApply(live -> {
            Session session = live.snapshot();
            return new MintedToken(session.token(), session.userId(), session.expiresAt());
        }));
    }

    /**
     * {@code DELETE /login.json}: the pool stops holding the user at once (the next call for the key signs in anew);
     * the token lives on as an application session until it expires. Nothing is sent if the user is not held.
     */
    public CompletableFuture<Void> logout(String key, Identity.User identity) {
        return ifHeld(key, identity, entry -> {
            registry.remove(entry, RemovalReason.LOGGED_OUT);
            return entry.cache.beginLogout().map(live -> entry.executor.executeWith(DELETE_LOGIN, live)
                            .handle((exchange, failure) -> {
                                entry.cache.endLogout(live, failure == null);
                                return failUnlessSessionGone(failure);
                            }))
                    .orElseGet(() -> CompletableFuture.completedFuture(null));
        });
    }

    /**
     * {@code DELETE /session.json}: the pool stops holding the user at once and the session ends on the server.
     * Nothing is sent if the user is not held.
     */
    public CompletableFuture<Void> destroySession(String key, Identity.User identity) {
        return ifHeld(key, identity, entry -> {
            registry.remove(entry, RemovalReason.DESTROYED);
            return entry.cache.beginDestroy().map(live -> entry.executor.executeWith(DELETE_SESSION, live)
                            .handle((exchange, failure) -> {
                                Void done = failUnlessSessionGone(failure);
                                entry.cache.endDestroy(live);
                                return done;
                            }))
                    .orElseGet(() -> CompletableFuture.completedFuture(null));
        });
    }

    /** The user's current session as the pool knows it (no server call); empty if the user is not held. */
    public Optional<Session> currentSession(String key, Identity.User identity) {
        return registry.peek(key, identity).flatMap(entry -> entry.cache.current()).map(LiveSession::snapshot);
    }

    private <T> CompletableFuture<T> leased(String key, Identity.User identity,
                                            Function<PoolEntry, CompletableFuture<T>> operation) {
        PoolEntry entry;
        try {
            entry = registry.lease(key, identity);
        } catch (Throwable e) { // a typed refusal, or application code (the clock) failing
            return CompletableFuture.failedFuture(e);
        }
        return run(entry, operation);
    }

    private <T> CompletableFuture<T> ifHeld(String key, Identity.User identity,
                                            Function<PoolEntry, CompletableFuture<T>> operation) {
        Optional<PoolEntry> entry;
        try {
            entry = registry.leaseIfHeld(key, identity);
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
        return entry.map(held -> run(held, operation)).orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Runs {@code operation} on the leased {@code entry}; the lease ends when its future completes, whatever. */
    private <T> CompletableFuture<T> run(PoolEntry entry, Function<PoolEntry, CompletableFuture<T>> operation) {
        CompletableFuture<T> started;
        try {
            started = operation.apply(entry);
            if (started == null) {
                throw new IllegalStateException("the operation returned no future");
            }
        } catch (Throwable e) { // application code runs inside (clock, listeners, codec): fail, never throw
            registry.release(entry);
            return CompletableFuture.failedFuture(e);
        }
        return started.whenComplete((result, failure) -> registry.release(entry));
    }

    /** Ending a session the server no longer knows has succeeded; any other failure is passed on. */
    private static Void failUnlessSessionGone(Throwable failure) {
        if (failure != null && !(TransportSupport.unwrap(failure) instanceof SessionExpiredException)) {
            throw new CompletionException(TransportSupport.unwrap(failure));
        }
        return null;
    }
}
