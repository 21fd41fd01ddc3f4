package io.qbauth;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.Session;
import io.qbauth.internal.pool.UserOperations;
import io.qbauth.internal.session.Identity;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One user of a {@link UserPool}: the client's per-session operations, each on that user's own session. Get one with
 * {@link UserPool#forUser}; it is a light handle (the key and the credentials), valid as long as the pool is open,
 * across evictions: a call on an evicted user signs it in again. Thread-safe.
 *
 * <p>As with {@link QbAuthClient}, no method throws: failures, invalid arguments included, complete the returned
 * stage with an {@link io.qbauth.domain.AuthException} — {@link io.qbauth.domain.InvalidInputException} if the pool
 * now holds this key with other credentials ({@link UserPool#replaceUser}),
 * {@link io.qbauth.domain.ClientClosedException} once the pool is closed, {@link io.qbauth.domain.RateLimitedException}
 * (status 0) when the pool is full of identities in use.
 */
public final class PooledUser {

    private final UserPool pool;
    private final UserOperations operations;
    private final String key;
    private final Identity.User identity;

    PooledUser(UserPool pool, UserOperations operations, String key, Identity.User identity) {
        this.pool = pool;
        this.operations = operations;
        this.key = key;
        this.identity = identity;
    }

    /** The application's key of this user. */
    public String key() {
        return key;
    }

    /**
     * Asks the server about the user's session ({@code GET /session.json}, creating it first if needed); see
     * {@link QbAuthClient#getSession()}.
     */
    public CompletionStage<Session> getSession() {
        return operations.getSession(key, identity);
    }

    /**
     * Runs an authenticated call with the user's session (created first if needed); if the server answers that the
     * session does not exist, the user's session (only it) is re-created and the same bytes are sent once more. See
     * {@link QbAuthClient#execute(ApiRequest)}.
     */
    public CompletionStage<ApiResponse> execute(ApiRequest request) {
        return operations.execute(key, identity, request);
    }

    /**
     * A token of the user's session for the user's front end, with at least {@code minRemaining} of life left: the
     * current session if it has that much, else a new one (which then serves this handle's calls too). The front end
     * adopts it with {@code startSessionWithToken}. {@code minRemaining} must be zero or more and shorter than the
     * session lifetime ({@link io.qbauth.config.RefreshPolicy#fallbackTtl()}, two hours); a server that gives
     * shorter sessions yields a token with less: check {@link MintedToken#expiresAt()}.
     */
    public CompletionStage<MintedToken> mintToken(Duration minRemaining) {
        return operations.mintToken(key, identity, minRemaining);
    }

    /**
     * Logs the user out ({@code DELETE /login.json}) and makes the pool stop holding it at once: the next call
     * through any handle of this key signs in anew. The token stays valid on the server as an application session
     * until it expires. Nothing is sent if the pool does not hold the user.
     */
    public CompletionStage<Void> logout() {
        return operations.logout(key, identity);
    }

    /**
     * Ends the user's session on the server ({@code DELETE /session.json}) and makes the pool stop holding it at
     * once. Nothing is sent if the pool does not hold the user.
     */
    public CompletionStage<Void> destroySession() {
        return operations.destroySession(key, identity);
    }

    /** The user's current session as the pool knows it (no server call); empty if the pool does not hold the user. */
    public Optional<Session> currentSession() {
        return operations.currentSession(key, identity);
    }

    /** The same operations as blocking calls, with the rules of {@link BlockingQbAuthClient}. */
    public BlockingPooledUser blocking() {
        return new BlockingPooledUser(this, pool::currentThreadMustNotBlock);
    }

    /** Names the sign-in method only: the key may be a user id, which never goes to a log. */
    @Override
    public String toString() {
        return "PooledUser[method=" + identity.method() + "]";
    }
}
