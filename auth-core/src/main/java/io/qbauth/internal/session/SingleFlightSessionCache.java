package io.qbauth.internal.session;

import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.UnexpectedFailureException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthActivity.Acquisition;
import io.qbauth.event.AuthScope;
import io.qbauth.event.AuthEvent.CreationReason;
import io.qbauth.event.AuthEvent.FlightJoined;
import io.qbauth.event.AuthEvent.InvalidationOutcome;
import io.qbauth.event.AuthEvent.LoggedIn;
import io.qbauth.event.AuthEvent.LoggedOut;
import io.qbauth.event.AuthEvent.SessionDestroyed;
import io.qbauth.event.AuthEvent.SessionCreated;
import io.qbauth.event.AuthEvent.SessionCreationFailed;
import io.qbauth.event.AuthEvent.SessionExpired;
import io.qbauth.event.AuthEvent.SessionInvalidated;
import io.qbauth.event.AuthEvent.SessionRecreated;
import io.qbauth.spi.CallerThread;
import io.qbauth.config.SessionStore;
import io.qbauth.spi.TransportSupport;
import io.qbauth.internal.http.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one owner of a client's session state for one identity at a time: the session, the creation in flight, the
 * identity it is created for, and every transition between them with its event — creation (explicit, first use,
 * prefetch, re-creation after expiry or rejection), login upgrade, logout downgrade, destroy, adoption,
 * invalidation, close. The client maps operations to requests and calls one transition for each; nothing else
 * changes the state. Shared by every caller, with at most one creation in flight.
 *
 * <ul>
 *   <li>Fast path: one volatile read and a clock read; a fresh session is returned as its own completed future, with
 *       no lock and no allocation.</li>
 *   <li>Close to expiry (within the prefetch margin): the session is still returned and one background creation of
 *       its successor starts.</li>
 *   <li>No usable session: the first caller CASes a future into the in-flight slot and creates the session; everyone
 *       else joins that future. Each caller gets its own {@code copy()}, so cancelling or timing out one wait never
 *       cancels the creation. No lock is ever held across I/O.</li>
 *   <li>A finished creation is published before its future completes and only if the generation is unchanged:
 *       {@link #reset} (login, logout, destroy, adoption) and {@link #replace} bump it, so a late session of an
 *       earlier identity is never published; it is discarded and its waiters fail with
 *       {@link SessionExpiredException}.</li>
 *   <li>A failed creation fails all its waiters together. Failures that retrying cannot fix (invalid credentials, a
 *       rejected application, a closed client) are returned at once to every later caller until the identity
 *       changes; others are retried after a back-off (min retry interval, doubling up to the
 *       max), callers in between getting the same failure at once. A server's {@code Retry-After} lengthens the
 *       wait, never beyond the refresh policy's max retry interval.</li>
 *   <li>The refresh margins scale to the lifetime the server gives: a session that lives less than twice the
 *       prefetch margin is refreshed at half its lifetime and no longer used in its last quarter, so a short-lived
 *       session is created at most once per half lifetime (said once, at WARNING).</li>
 *   <li>An explicit creation ({@link #replace}) joins a creation in flight that makes the same session (the same
 *       application, or a user with equal credentials), so concurrent callers share one; a creation for another
 *       identity supersedes it.</li>
 *   <li>Application code (listeners, the session store, the credentials supplier, the clock) may throw anything:
 *       every flight is completed whatever it throws, and events are published only after the flight they describe
 *       has completed.</li>
 *   <li>With {@link Tracing} on, each acquisition is an {@link AuthActivity.SessionAcquisition} (cached, created,
 *       joined, refused) and each creation an {@link AuthActivity.SessionCreation} under the acquisition or
 *       operation that started it; a joiner names the number of the creation it joined.</li>
 * </ul>
 */
public final class SingleFlightSessionCache {

    private static final System.Logger LOG = System.getLogger(SingleFlightSessionCache.class.getName());

    /**
     * Everything that changes together. {@code live} is null when there is no session; the margins are those of
     * {@code live}, scaled to its lifetime.
     */
    private record State(LiveSession live, Identity identity, long generation, Failure failure,
                         long prefetchMarginMillis, long staleMarginMillis) {
    }

    /** The last failed creation of the current identity. */
    private record Failure(AuthException error, long retryAtMillis, int attempts) {
        boolean blocks(long nowMillis) {
            return isPermanent(error) || nowMillis < retryAtMillis;
        }
    }

    /** Numbers the creations of this process, so a trace can say which one a caller joined. */
    private static final AtomicLong CREATION_IDS = new AtomicLong();

    /**
     * A creation in flight, the kind of session it makes and what it makes the session for: {@code key} is the
     * application identity or the credentials of an explicit user creation, null when no explicit creation may join
     * it; {@code id} numbers it in this process.
     */
    private record Flight(CompletableFuture<LiveSession> future, SessionKind kind, Object key, long id) {
        static Flight of(Identity identity, Object key) {
            return new Flight(new CompletableFuture<>(), identity.kind(), key, CREATION_IDS.incrementAndGet());
        }

        /**
         * An implicit creation (first use, prefetch, re-creation) may be joined by an explicit one whose key is the
         * identity itself (the application's, or a pool's user asking for a fresher session); never for an adopted
         * token.
         */
        static Flight implicit(Identity identity) {
            return of(identity, identity instanceof Identity.Adopted ? null : identity);
        }
    }

    private final AtomicReference<State> state;
    private final AtomicReference<Flight> inFlight = new AtomicReference<>();
    private final SessionSource source;
    private final Events events;
    private final SessionStore store;
    private final Clock clock;
    private final long prefetchMarginMillis;
    private final long staleMarginMillis;
    private final long minRetryMillis;
    private final long maxRetryMillis;
    private volatile boolean closed;
    private final AtomicBoolean shortLifetimeWarned = new AtomicBoolean();
    private final Tracing tracing;

    public SingleFlightSessionCache(RefreshPolicy policy, Clock clock, SessionSource source, Events events,
                                    SessionStore store, Identity identity, LiveSession initial) {
        this(policy, clock, source, events, store, identity, initial, Tracing.OFF);
    }

    /** As the other constructor, acquisitions and creations traced with {@code tracing}. */
    public SingleFlightSessionCache(RefreshPolicy policy, Clock clock, SessionSource source, Events events,
                                    SessionStore store, Identity identity, LiveSession initial, Tracing tracing) {
        this.tracing = tracing;
        this.source = source;
        this.events = events;
        this.store = store;
        this.clock = clock;
        this.prefetchMarginMillis = policy.prefetchMargin().toMillis();
        this.staleMarginMillis = policy.staleMargin().toMillis();
        this.minRetryMillis = policy.minRetryInterval().toMillis();
        this.maxRetryMillis = policy.maxRetryInterval().toMillis();
        this.state = new AtomicReference<>(next(null, initial, identity, 0, null));
    }

    /**
     * A usable session: the current one while it is fresh, else the result of the one shared creation. The future
     * fails with an {@link AuthException} when no session can be had.
     */
    public CompletableFuture<LiveSession> acquire() {
        return acquire(null, AuthScope.NONE);
    }

    /** As {@link #acquire()}, traced as an {@link AuthActivity.SessionAcquisition} under {@code parent}. */
    public CompletableFuture<LiveSession> acquire(AuthScope parent) {
        if (!tracing.on()) {
            return acquire(null, AuthScope.NONE);
        }
        AuthActivity.SessionAcquisition activity = new AuthActivity.SessionAcquisition(state.get().identity().kind());
        AuthScope scope = tracing.start(activity, parent);
        CompletableFuture<LiveSession> acquired;
        try {
            acquired = acquire(activity, scope);
        } catch (Throwable e) { // the application's clock: the caller fails the call, the scope ends with it
            Tracing.stop(scope, e);
            throw e;
        }
        return Tracing.stopWhenDone(scope, acquired);
    }

    /** {@code activity} records how the session was had (null: untraced); {@code scope} parents a creation. */
    private CompletableFuture<LiveSession> acquire(AuthActivity.SessionAcquisition activity, AuthScope scope) {
        State s = state.get();
        LiveSession live = s.live();
        if (live != null) {
            long remaining = live.expiresAtMillis() - clock.millis();
            if (remaining > s.prefetchMarginMillis()) {
                return live.ready();
            }
            if (remaining > s.staleMarginMillis()) {
                prefetch(scope);
                return live.ready();
            }
        }
        return awaitNewSession(activity, scope);
    }

    /** The current session if it has not been rejected and has not expired by the local clock. */
    public Optional<LiveSession> current() {
        LiveSession live = state.get().live();
        return live != null && live.expiresAtMillis() > clock.millis() ? Optional.of(live) : Optional.empty();
    }

    /** The current session if it is usable now (more than the stale margin left), without starting anything. */
    public Optional<LiveSession> usable() {
        State s = state.get();
        return isUsable(s) ? Optional.of(s.live()) : Optional.empty();
    }

    /** The identity sessions are currently created for. */
    public Identity identity() {
        return state.get().identity();
    }

    /**
     * Creates a session for a new identity on the application's request, published with {@code identity} on success;
     * until then, the previous session stays in use. A creation in flight for an equal {@code key} (the application
     * identity, or the same credentials) is joined instead: concurrent explicit creations share one session. Any
     * other creation in flight is superseded and its callers fail with {@link SessionExpiredException}.
     */
    CompletableFuture<LiveSession> replace(Identity identity, Object key,
                                          Supplier<CompletableFuture<LiveSession>> creation) {
        return replace(identity, key, scope -> creation.get(), AuthScope.NONE);
    }

    /** As {@link #replace(Identity, Object, Supplier)}, the creation traced under {@code parent}. */
    CompletableFuture<LiveSession> replace(Identity identity, Object key,
                                          Function<AuthScope, CompletableFuture<LiveSession>> creation,
                                          AuthScope parent) {
        Flight mine = Flight.of(identity, key);
        while (true) {
            Flight running = inFlight.get();
            if (running != null && key.equals(running.key())) {
                events.publish(new FlightJoined(running.kind()));
                return running.future().copy();
            }
            if (inFlight.compareAndSet(running, mine)) {
                break;
            }
        }
        State next = state.updateAndGet(s -> next(s, s.live(), s.identity(), s.generation() + 1, s.failure()));
        run(mine, next.generation(), identity, CreationReason.EXPLICIT, creation, parent);
        return mine.future().copy();
    }

    /**
     * Switches to {@code identity} with {@code live} as its session (null for none): login, logout, destroy and
     * adoption. Bumps the generation so no creation in flight is published afterwards.
     */
    void reset(Identity identity, LiveSession live) {
        Flight previous = inFlight.get();
        state.updateAndGet(s -> next(s, live, identity, s.generation() + 1, null));
        inFlight.compareAndSet(previous, null);
        remember(live);
    }

    /** Replaces the session {@code expected} by {@code replacement} (null for none) if it is still current. */
    boolean replaceLive(LiveSession expected, LiveSession replacement) {
        State s = state.get();
        while (s.live() == expected) {
            if (state.compareAndSet(s, next(s, replacement, s.identity(), s.generation(), s.failure()))) {
                remember(replacement);
                return true;
            }
            s = state.get();
        }
        return false;
    }

    /**
     * Explicit creation ({@code createApplicationSession}, {@code createUserSession}, the application session a
     * {@code login} starts from): see {@link #replace}.
     */
    public CompletableFuture<LiveSession> create(Identity identity, Object key,
                                                Supplier<CompletableFuture<LiveSession>> creation) {
        return replace(identity, key, creation);
    }

    /**
     * As {@link #create(Identity, Object, Supplier)}, the creation traced under {@code parent}; {@code creation} is
     * given the creation's scope, the parent of its exchange.
     */
    public CompletableFuture<LiveSession> create(Identity identity, Object key,
                                                Function<AuthScope, CompletableFuture<LiveSession>> creation,
                                                AuthScope parent) {
        return replace(identity, key, creation, parent);
    }

    /**
     * Login upgrade: the server logged {@code base}'s token in as user {@code userId}; the same token is now that
     * user's session, re-created for {@code identity}. Publishes {@link LoggedIn}.
     */
    public void upgrade(Identity identity, LiveSession base, long userId) {
        reset(identity, base.as(SessionKind.USER, userId));
        events.publish(new LoggedIn(identity.method()));
    }

    /**
     * Logout downgrade, first half: the identity becomes the application's at once (a creation in flight for the
     * user is not published). Returns the user session to end on the server; empty when there is none, in which
     * case the logout is complete ({@link LoggedOut} published if a user was logged in).
     */
    public Optional<LiveSession> beginLogout() {
        LiveSession live = current().orElse(null);
        boolean userIdentity = identity().kind() == SessionKind.USER;
        if (live == null || live.kind() != SessionKind.USER) {
            if (userIdentity) {
                reset(Identity.APPLICATION, live);
                events.publish(new LoggedOut());
            }
            return Optional.empty();
        }
        tell(() -> source.rejected(identity(), live)); // no longer the user's session: not to be shared as such
        reset(Identity.APPLICATION, live);
        return Optional.of(live);
    }

    /**
     * Logout downgrade, second half: the token stays as an application session if the server logged it out, and is
     * dropped otherwise (the client never acts as the user again). Publishes {@link LoggedOut}.
     */
    public void endLogout(LiveSession live, boolean loggedOutOnServer) {
        replaceLive(live, loggedOutOnServer ? live.as(SessionKind.APPLICATION, 0) : null);
        events.publish(new LoggedOut());
    }

    /**
     * Destroy, first half: the session is forgotten at once and the identity becomes the application's. Returns the
     * session to delete on the server, if there was one.
     */
    public Optional<LiveSession> beginDestroy() {
        Optional<LiveSession> current = current();
        current.ifPresent(live -> tell(() -> source.rejected(identity(), live))); // about to end on the server
        reset(Identity.APPLICATION, null);
        return current;
    }

    /** Destroy, second half: publishes {@link SessionDestroyed} for {@code live}. */
    public void endDestroy(LiveSession live) {
        events.publish(new SessionDestroyed(live.kind()));
    }

    /** Adoption ({@code startSessionWithToken}): {@code live} becomes the session of {@code identity}. */
    public void adopt(Identity identity, LiveSession live) {
        reset(identity, live);
    }

    /**
     * Compare-and-invalidate after the server rejected {@code token}: drops the current session only if it still
     * holds that token, so N calls rejected with the same token cause one re-creation.
     */
    public InvalidationOutcome invalidate(SessionToken token) {
        LiveSession live = state.get().live();
        boolean dropped = live != null && live.token().equals(token) && live.reject();
        InvalidationOutcome outcome = dropped ? InvalidationOutcome.INVALIDATED : InvalidationOutcome.ALREADY_REPLACED;
        events.publish(new SessionInvalidated(outcome));
        if (dropped) {
            tell(() -> source.rejected(identity(), live));
            events.publish(new SessionExpired(live.kind()));
            remember(null);
        }
        return outcome;
    }

    /** Moves the expiry of the session holding {@code token} later, if it is still current. */
    public void extendExpiry(SessionToken token, long expiresAtMillis) {
        LiveSession live = state.get().live();
        if (live != null && live.token().equals(token) && expiresAtMillis > live.expiresAtMillis()) {
            live.extendTo(expiresAtMillis);
            try { // inline, not through tell(): this runs on every reply and must not allocate
                source.extended(identity(), live);
            } catch (Throwable e) {
                noticeFailed(e);
            }
        }
    }

    /** Tells the source something; what it throws (it must not) is logged, never passed to the call. */
    private void tell(Runnable notice) {
        try {
            notice.run();
        } catch (Throwable e) {
            noticeFailed(e);
        }
    }

    private static void noticeFailed(Throwable e) {
        LOG.log(System.Logger.Level.WARNING, () -> "the session source threw " + e.getClass().getName()
                + " on a notice; the call goes on", e);
    }

    /** Fails the creation in flight and every later acquisition with {@code closedError}. */
    public void close(ClientClosedException closedError) {
        closed = true;
        state.updateAndGet(s -> next(s, null, s.identity(), s.generation() + 1,
                new Failure(closedError, Long.MAX_VALUE, 1)));
        Flight flight = inFlight.getAndSet(null);
        if (flight != null) {
            flight.future().completeExceptionally(closedError);
        }
    }

    private CompletableFuture<LiveSession> awaitNewSession(AuthActivity.SessionAcquisition activity,
                                                           AuthScope scope) {
        while (true) {
            Flight running = inFlight.get();
            if (running != null) {
                acquired(activity, Acquisition.JOINED, running.id());
                events.publish(new FlightJoined(running.kind()));
                return running.future().copy();
            }
            State seen = state.get();
            if (isUsable(seen)) {
                return seen.live().ready();
            }
            if (seen.failure() != null && seen.failure().blocks(clock.millis())) {
                acquired(activity, Acquisition.REFUSED, 0);
                return CompletableFuture.failedFuture(seen.failure().error());
            }
            Flight mine = Flight.implicit(seen.identity());
            if (inFlight.compareAndSet(null, mine)) {
                State now = state.get();
                boolean usable;
                try {
                    usable = isUsable(now); // reads the application's clock, which may throw
                } catch (Throwable e) {
                    inFlight.compareAndSet(mine, null); // others may have joined: they get the failure too
                    mine.future().completeExceptionally(asAuthException(e));
                    return mine.future().copy();
                }
                if (usable) {
                    // another creation was published between our read and our CAS
                    inFlight.compareAndSet(mine, null);
                    mine.future().complete(now.live());
                    return now.live().ready();
                }
                acquired(activity, Acquisition.CREATED, mine.id());
                run(mine, now.generation(), now.identity(), reasonToReplace(now.live()),
                        creationScope -> source.create(now.identity(), creationScope), scope);
                return mine.future().copy();
            }
        }
    }

    private static void acquired(AuthActivity.SessionAcquisition activity, Acquisition how, long creationId) {
        if (activity != null) {
            activity.acquired(how, creationId);
        }
    }

    private void prefetch(AuthScope parent) {
        State s = state.get();
        if (inFlight.get() != null || !s.identity().canRecreate()
                || (s.failure() != null && s.failure().blocks(clock.millis()))) {
            return;
        }
        Flight mine = Flight.implicit(s.identity());
        if (inFlight.compareAndSet(null, mine)) {
            run(mine, s.generation(), s.identity(), CreationReason.PREFETCH,
                    creationScope -> source.create(s.identity(), creationScope), parent);
        }
    }

    private void run(Flight flight, long generation, Identity identity, CreationReason reason,
                     Function<AuthScope, CompletableFuture<LiveSession>> creation, AuthScope parent) {
        if (reason == CreationReason.EXPIRED_LOCALLY) {
            events.publish(new SessionExpired(identity.kind()));
        }
        AuthScope scope = tracing.on() ? tracing.start(new AuthActivity.SessionCreation(identity.kind(),
                identity.method(), reason, flight.id()), parent) : AuthScope.NONE;
        long startNanos = System.nanoTime();
        CompletableFuture<LiveSession> created;
        try {
            // joined by others: never on one caller's lent thread
            created = CallerThread.withhold(() -> creation.apply(scope));
            if (created == null) {
                throw new IllegalStateException("the session creation returned no future");
            }
        } catch (Throwable e) { // whatever application code inside threw, the flight must complete
            created = CompletableFuture.failedFuture(e);
        }
        created.whenComplete((session, failure) -> {
            finish(flight, generation, identity, reason, Duration.ofNanos(System.nanoTime() - startNanos), session,
                    failure);
            Tracing.stop(scope, failure); // after the callers have their session: tracing never delays them
        });
    }

    /**
     * Completes {@code flight} with the outcome of its creation, then publishes the events about it. Whatever the
     * bookkeeping or application code in it throws, the flight is completed: an uncompleted flight would hang every
     * caller that joins it.
     */
    private void finish(Flight flight, long generation, Identity identity, CreationReason reason, Duration took,
                        LiveSession session, Throwable failure) {
        Runnable afterwards;
        try {
            afterwards = failure == null
                    ? succeed(flight, generation, identity, reason, took, session)
                    : fail(flight, generation, identity, reason, took, asAuthException(failure));
        } catch (Throwable unexpected) {
            inFlight.compareAndSet(flight, null);
            flight.future().completeExceptionally(asAuthException(unexpected));
            LOG.log(System.Logger.Level.WARNING, () -> "finishing a session creation failed with "
                    + unexpected.getClass().getName() + "; its callers got the failure", unexpected);
            return;
        }
        afterwards.run();
    }

    /** Publishes and completes; returns what to do once the callers have their session. */
    private Runnable succeed(Flight flight, long generation, Identity identity, CreationReason reason, Duration took,
                             LiveSession session) {
        boolean published = publish(generation, identity, session);
        inFlight.compareAndSet(flight, null);
        if (!published) {
            flight.future().completeExceptionally(new SessionExpiredException(
                    "the session changed (logout, destroy, adoption or a newer session) while this one was created",
                    0, ErrorDetails.NONE));
            return closed ? () -> { } : () -> source.discard(session);
        }
        remember(session);
        flight.future().complete(session);
        return () -> {
            warnIfShortLived(session);
            events.publish(new SessionCreated(identity.kind(), identity.method(), reason, took));
            if (reason == CreationReason.EXPIRED_LOCALLY || reason == CreationReason.REJECTED_BY_SERVER) {
                events.publish(new SessionRecreated(identity.kind()));
            }
        };
    }

    /** Records and fails; returns what to do once the callers have the failure. */
    private Runnable fail(Flight flight, long generation, Identity identity, CreationReason reason, Duration took,
                          AuthException error) {
        try {
            if (reason != CreationReason.EXPLICIT) {
                recordFailure(generation, error);
            }
        } finally {
            inFlight.compareAndSet(flight, null);
            flight.future().completeExceptionally(error);
        }
        return () -> events.publish(new SessionCreationFailed(identity.kind(), identity.method(), reason,
                error.getClass().getSimpleName(), took));
    }

    private boolean publish(long generation, Identity identity, LiveSession session) {
        State s = state.get();
        while (s.generation() == generation && !closed) {
            if (state.compareAndSet(s, next(s, session, identity, generation, null))) {
                return true;
            }
            s = state.get();
        }
        return false;
    }

    private void recordFailure(long generation, AuthException error) {
        long now = clock.millis();
        state.updateAndGet(s -> {
            if (s.generation() != generation) {
                return s;
            }
            int attempts = s.failure() == null ? 1 : s.failure().attempts() + 1;
            long backoff = Math.min(maxRetryMillis, minRetryMillis << Math.min(attempts - 1, 20));
            if (error instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
                backoff = Math.max(backoff, cappedRetryAfter(limited.retryAfter().get()));
            }
            return next(s, s.live(), s.identity(), s.generation(), new Failure(error, now + backoff, attempts));
        });
    }

    /** The server's {@code Retry-After}, never more than the max retry interval (a day-long value would halt it). */
    private long cappedRetryAfter(Duration retryAfter) {
        return retryAfter.compareTo(Duration.ofMillis(maxRetryMillis)) >= 0 ? maxRetryMillis
                : Math.max(0, retryAfter.toMillis());
    }

    /**
     * The next state; the refresh margins are recomputed only when the session changes. A session whose lifetime is
     * known gets margins scaled to it: at most half of it for the prefetch margin and a quarter for the stale margin,
     * so it is used for at least half its life whatever the policy says.
     */
    private State next(State previous, LiveSession live, Identity identity, long generation, Failure failure) {
        if (previous != null && previous.live() == live) {
            return new State(live, identity, generation, failure, previous.prefetchMarginMillis(),
                    previous.staleMarginMillis());
        }
        long lifetime = live == null ? LiveSession.UNKNOWN_LIFETIME : live.lifetimeMillis();
        return new State(live, identity, generation, failure, Math.min(prefetchMarginMillis, lifetime / 2),
                Math.min(staleMarginMillis, lifetime / 4));
    }

    private void warnIfShortLived(LiveSession session) {
        long lifetime = session.lifetimeMillis();
        if (lifetime / 2 < prefetchMarginMillis && shortLifetimeWarned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "QuickBlox gave a session {0} ms of life, less than twice the "
                    + "refresh policy''s prefetch margin ({1} ms): such sessions are refreshed when half their life is "
                    + "left and no longer used in their last quarter, so at most one is created per half lifetime. "
                    + "Said once per client.", lifetime, prefetchMarginMillis);
        }
    }

    private boolean isUsable(State s) {
        LiveSession live = s.live();
        return live != null && live.expiresAtMillis() - clock.millis() > s.staleMarginMillis();
    }

    private static CreationReason reasonToReplace(LiveSession live) {
        if (live == null) {
            return CreationReason.INITIAL;
        }
        return live.isRejected() ? CreationReason.REJECTED_BY_SERVER : CreationReason.EXPIRED_LOCALLY;
    }

    /** Failures that retrying with the same identity cannot fix. */
    private static boolean isPermanent(AuthException error) {
        return error instanceof InvalidCredentialsException || error instanceof ApplicationRejectedException
                || error instanceof ConfigurationException || error instanceof InvalidInputException
                || error instanceof ClientClosedException;
    }

    private static AuthException asAuthException(Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        if (cause instanceof AuthException auth) {
            return auth;
        }
        return new UnexpectedFailureException("no session could be created: " + cause.getClass().getName()
                + " was thrown while creating it (by the clock, the session store or another component)", cause);
    }

    private void remember(LiveSession live) {
        try {
            if (live == null) {
                store.clear();
            } else {
                store.save(live.snapshot());
            }
        } catch (Throwable e) { // application code: a failing store must not fail or hang the session
            LOG.log(System.Logger.Level.WARNING, () -> "SessionStore " + store.getClass().getName() + " threw "
                    + e.getClass().getName() + "; the session is kept in memory only", e);
        }
    }
}
