package io.qbauth;

import io.qbauth.config.CredentialsSupplier;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.MintedToken;
import io.qbauth.internal.pool.IdentityRegistry;
import io.qbauth.internal.pool.UserOperations;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.wiring.Wiring;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Many users in one process: a bounded pool of user sessions sharing one transport, codec, signer and set of
 * listeners — for a backend that acts for many users at once. Build one with
 * {@link QbAuth.Builder#buildUserPool(UserPoolConfig)}; it is thread-safe and meant to be shared.
 *
 * <pre>{@code
 * UserPool pool = QbAuth.builder().applicationId(12345).authKey("...").authSecret("...")
 *         .buildUserPool(UserPoolConfig.defaults());
 * ApiResponse dialogs = pool.forUser(appUserId, Credentials.login(login, password)).blocking()
 *         .execute(ApiRequest.get("/chat/Dialog.json"));
 * }</pre>
 *
 * <p>Each user is an identity keyed by the application's own key (its user id, say) with its own session, created on
 * first need as a user session ({@code POST /session.json} with the user's credentials), re-created before it
 * expires and after the server reports it gone, with one creation in flight per user however many calls need it.
 * One user's failures (a wrong password, a rejected token) never touch another's session.
 *
 * <p>Bounds ({@link UserPoolConfig}): at most {@code maxIdentities} identities are held; adding one more evicts the
 * least recently used identity no call is using; identities unused for {@code idleTimeout} are evicted in the
 * background. A call in progress pins its identity: eviction never breaks it. When every held identity is in use
 * and a new one is needed, the call fails with {@link io.qbauth.domain.RateLimitedException} (status 0), nothing
 * sent. An evicted user is simply signed in again by its next call.
 *
 * <p>A key is mapped to one identity (credentials, or a method and supplier) while it is held: asking for it with
 * other credentials fails with {@link InvalidInputException}, so a slip in the application cannot act as one user
 * with another's session; {@link #replaceUser} maps it anew on purpose (a changed password, say).
 *
 * <p>In a fleet ({@link QbAuth.Builder#sharedStore}), each user's session is shared with the pools of the other
 * instances: one creation per user for the whole fleet. A logout or destroy through one instance ends the shared
 * session for all of them. Closing the pool never closes the store.
 */
public final class UserPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(UserPool.class.getName());
    private static final long MIN_SWEEP_MILLIS = 100;
    private static final long MAX_SWEEP_MILLIS = 30_000;

    private final Wiring wiring;
    private final UserPoolConfig config;
    private final IdentityRegistry registry;
    private final UserOperations operations;
    private final ScheduledExecutorService sweeper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UserPool(Wiring wiring, UserPoolConfig config) {
        this.wiring = wiring;
        this.config = config;
        this.registry = new IdentityRegistry(wiring, config);
        this.operations = new UserOperations(registry);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("qbauth-user-pool-sweeper").factory());
        long period = Math.clamp(config.idleTimeout().toMillis() / 4, MIN_SWEEP_MILLIS, MAX_SWEEP_MILLIS);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    static UserPool create(Wiring wiring, UserPoolConfig config) {
        return new UserPool(wiring, config);
    }

    /**
     * The user {@code key} signing in with {@code credentials}. Cheap: nothing is sent until an operation needs the
     * session; call it per request if that suits the application.
     *
     * @throws InvalidInputException if {@code key} is null, blank, longer than 1 024 characters or has a control
     *                               character, if {@code credentials} is null, or if the pool holds {@code key} with
     *                               other credentials (see {@link #replaceUser(String, Credentials)})
     * @throws ClientClosedException if the pool is closed
     */
    public PooledUser forUser(String key, Credentials credentials) {
        return view(key, UserOperations.identity(credentials));
    }

    /**
     * The user {@code key} whose credentials {@code supplier} gives each time a session is created (short-lived
     * provider tokens: Facebook, Firebase phone, a custom identity provider). The mapping compares the method and the
     * supplier ({@code equals}: the same instance unless its class says otherwise): keep one supplier per user.
     *
     * @throws InvalidInputException as {@link #forUser(String, Credentials)}, or if {@code method} is not a user's
     *                               sign-in method
     * @throws ClientClosedException if the pool is closed
     */
    public PooledUser forUser(String key, AuthMethod method, CredentialsSupplier supplier) {
        return view(key, UserOperations.identity(method, supplier));
    }

    /**
     * Maps {@code key} to {@code credentials} whatever it was mapped to: the identity held so far is dropped (calls in
     * progress on it finish; nothing is sent; its session expires by itself on the server).
     *
     * @throws InvalidInputException if an argument is invalid (see {@link #forUser(String, Credentials)})
     * @throws ClientClosedException if the pool is closed
     */
    public PooledUser replaceUser(String key, Credentials credentials) {
        return replace(key, UserOperations.identity(credentials));
    }

    /**
     * {@link #replaceUser(String, Credentials)} for a user whose credentials come from {@code supplier}.
     *
     * @throws InvalidInputException if an argument is invalid (see {@link #forUser(String, AuthMethod,
     *                               CredentialsSupplier)})
     * @throws ClientClosedException if the pool is closed
     */
    public PooledUser replaceUser(String key, AuthMethod method, CredentialsSupplier supplier) {
        return replace(key, UserOperations.identity(method, supplier));
    }

    /**
     * A user session token for a front end, with at least {@code minRemaining} of life left: the user's current
     * session if it has that much, else a new one. The front end adopts it with {@code startSessionWithToken}. The
     * same as {@code forUser(key, credentials).mintToken(minRemaining)}; every failure, invalid input included,
     * completes the stage exceptionally.
     */
    public CompletionStage<MintedToken> mintToken(String key, Credentials credentials, Duration minRemaining) {
        PooledUser user;
        try {
            user = forUser(key, credentials);
        } catch (AuthException e) {
            return CompletableFuture.failedFuture(e);
        }
        return user.mintToken(minRemaining);
    }

    /** How many identities the pool holds now (never more than {@link UserPoolConfig#maxIdentities()}). */
    public int size() {
        return registry.size();
    }

    /** The pool's bounds. */
    public UserPoolConfig config() {
        return config;
    }

    /**
     * Stops the background sweep, fails the session creations in flight, drops every identity (nothing is sent: the
     * sessions expire by themselves on the server) and closes what the pool owns (a transport it discovered, never
     * one it was given). Idempotent. Afterwards every call fails with {@link ClientClosedException}.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sweeper.shutdownNow();
        registry.close();
        wiring.closeTransport();
    }

    @Override
    public String toString() {
        return "UserPool[" + config + ", held=" + registry.size() + ", transport=" + wiring.transport().name()
                + ", codec=" + wiring.codec().name() + "]";
    }

    /** Whether a blocking call on the current thread would block a thread the transport needs. */
    boolean currentThreadMustNotBlock() {
        return wiring.transport().currentThreadMustNotBlock();
    }

    private PooledUser view(String key, Identity.User identity) {
        IdentityRegistry.checkKey(key);
        registry.checkMapping(key, identity);
        return new PooledUser(this, operations, key, identity);
    }

    private PooledUser replace(String key, Identity.User identity) {
        IdentityRegistry.checkKey(key);
        if (registry.isClosed()) {
            throw new ClientClosedException("the user pool is closed");
        }
        registry.removeKey(key);
        return new PooledUser(this, operations, key, identity);
    }

    private void sweep() {
        try {
            registry.sweepIdle();
        } catch (Throwable e) { // application code (the clock, listeners) runs inside: keep sweeping
            LOG.log(System.Logger.Level.WARNING, () -> "sweeping idle identities failed with "
                    + e.getClass().getName() + "; the next sweep runs as planned", e);
        }
    }
}
