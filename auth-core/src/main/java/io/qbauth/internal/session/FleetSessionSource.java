package io.qbauth.internal.session;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.Session;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.event.AuthEvent.FleetOutcome;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.Lease;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.spi.TransportSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link SessionSource} that makes a fleet behave as one client (docs/FLEET.md §3): before creating a session it
 * consults a {@link SharedSessionStore}; it adopts a session another instance published, waits for the one another
 * instance is creating, or takes the creation lease, creates through its delegate and publishes. It sits behind the
 * local single flight, so only one caller per identity and instance ever gets here, and the hot path never does.
 *
 * <p>Rules it keeps:
 * <ul>
 *   <li>A stored session is adopted only if it is not the one this instance had handed out last for the identity
 *       when the call began (being asked again means that one is unusable: expired, near expiry or rejected) and it
 *       has at least {@code minRemaining} left.</li>
 *   <li>The store never makes a creation fail or wait beyond {@code budget}: a store failure, or no session by the
 *       end of the budget, and the delegate creates locally (logged once per transition).</li>
 *   <li>A session the fleet shares is never discarded (ended on the server) by one instance; only a session this
 *       instance created and could not publish is.</li>
 *   <li>An identity without a key ({@code identityKey} answers null) is not coordinated.</li>
 *   <li>A 429 on a creation sets the fleet-wide back-off for its {@code Retry-After}; while it runs no instance
 *       sends a creation: the call fails at once with a {@link RateLimitedException}.</li>
 *   <li>A 401 on the session it handed out ({@link #rejected}) deletes that session from the store if it is still
 *       the stored one (docs/FLEET.md §7); the re-creation that follows waits for that deletion (bounded by the
 *       budget), so a fleet that sees the 401 everywhere converges on one new session.</li>
 *   <li>A sliding expiry that moved ({@link #extended}) lengthens the stored lifetime at most once a minute per
 *       identity, fire-and-forget (docs/FLEET.md §8).</li>
 *   <li>Store trouble is reported through a {@link FleetHealth} shared by every source of one client or pool: once
 *       per transition, never per call.</li>
 * </ul>
 */
public final class FleetSessionSource implements SessionSource {

    private static final System.Logger LOG = System.getLogger(FleetSessionSource.class.getName());
    private static final int MAX_ROUNDS = 16;
    /**
     * The longest one wait for a holder's publication lasts before the lease is asked again: a holder that gave the
     * lease up without publishing (its creation failed, the fleet is backing off) wakes nobody.
     */
    private static final long MAX_HELD_WAIT_MILLIS = 1_000;
    /** The fleet-wide back-off after a 429 without a {@code Retry-After}. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** The least time between two {@code extend}s of one identity's stored lifetime (docs/FLEET.md §8). */
    static final long EXTEND_INTERVAL_MILLIS = 60_000;

    private final SessionSource delegate;
    private final SharedSessionStore store;
    private final Function<Identity, FleetIdentity> identityKey;
    private final Duration lease;
    private final Duration budget;
    private final Duration minRemaining;
    private final Clock clock;
    private final FleetHealth health;
    private final ConcurrentHashMap<FleetIdentity, Handout> handedOut = new ConcurrentHashMap<>(2);

    /**
     * The shared session this instance handed out last for one identity, when its stored lifetime may next be
     * lengthened, and the invalidation a 401 started on it (null: none).
     */
    private static final class Handout {
        final SharedSession shared;
        final AtomicLong nextExtendAtMillis;
        volatile CompletableFuture<Boolean> invalidation;

        Handout(SharedSession shared, long nextExtendAtMillis) {
            this.shared = shared;
            this.nextExtendAtMillis = new AtomicLong(nextExtendAtMillis);
        }

        boolean holds(LiveSession live) {
            return shared.session().token().equals(live.token());
        }
    }

    /** A session and how the fleet gave it. */
    private record Acquired(LiveSession live, FleetOutcome outcome) {
    }

    /**
     * @param delegate     creates sessions for real (the {@link SessionFactory})
     * @param store        the fleet's store
     * @param identityKey  the fleet identity of an identity, or null for one that is not coordinated
     * @param lease        how long a creation lease lasts (the creation's timeout plus a margin, docs/FLEET.md §12)
     * @param budget       the longest the store may delay a creation before this instance creates locally
     * @param minRemaining the least lifetime a stored session must have left to be adopted
     * @param clock        the clock of session expiries
     */
    public FleetSessionSource(SessionSource delegate, SharedSessionStore store,
                              Function<Identity, FleetIdentity> identityKey, Duration lease, Duration budget,
                              Duration minRemaining, Clock clock) {
        this(delegate, store, identityKey, lease, budget, minRemaining, clock, new FleetHealth(new Events(List.of())));
    }

    /**
     * As the other constructor, reporting store trouble and acquisitions through {@code health} (shared by every
     * source of one client or pool, so a transition is said once).
     */
    public FleetSessionSource(SessionSource delegate, SharedSessionStore store,
                              Function<Identity, FleetIdentity> identityKey, Duration lease, Duration budget,
                              Duration minRemaining, Clock clock, FleetHealth health) {
        this.health = health;
        this.delegate = delegate;
        this.store = store;
        this.identityKey = identityKey;
        this.lease = lease;
        this.budget = budget;
        this.minRemaining = minRemaining;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<LiveSession> create(Identity identity) {
        FleetIdentity fleet = identityKey.apply(identity);
        if (fleet == null) {
            return delegate.create(identity);
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Handout last = handedOut.get(fleet);
        SharedSession before = last == null ? null : last.shared; // being asked again means this one is unusable
        CompletableFuture<Boolean> invalidating = last == null ? null : last.invalidation;
        CompletableFuture<?> ready = invalidating == null ? CompletableFuture.completedFuture(null)
                : invalidating.copy().completeOnTimeout(false, budget.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(e -> false);
        return ready.thenCompose(ignored -> attempt(identity, fleet, before, deadline, 0)).handle((acquired, e) -> {
            if (e == null) {
                health.acquired(identity.kind(), acquired.outcome());
                return CompletableFuture.completedFuture(acquired.live());
            }
            Throwable cause = TransportSupport.unwrap(e);
            if (cause instanceof CreationFailed failed) {
                return CompletableFuture.<LiveSession>failedFuture(TransportSupport.unwrap(failed.getCause()));
            }
            if (cause instanceof BudgetSpent) {
                LOG.log(System.Logger.Level.DEBUG, "no shared session within the budget: creating locally");
            } else {
                health.failed(cause);
            }
            return createLocally(identity);
        }).thenCompose(Function.identity());
    }

    private CompletableFuture<LiveSession> createLocally(Identity identity) {
        CompletableFuture<LiveSession> created;
        try {
            created = delegate.create(identity);
        } catch (Throwable t) { // user code (a CredentialsSupplier) may throw anything: the flight must still end
            return CompletableFuture.failedFuture(t);
        }
        return created.whenComplete((live, failure) -> {
            if (failure == null) {
                health.acquired(identity.kind(), FleetOutcome.LOCAL);
            }
        });
    }

    /**
     * {@code live} is gone (a 401) or ending (a logout or destroy): if it is the shared session this instance handed
     * out for {@code identity}, it is deleted from the store unless another instance already replaced it
     * (fire-and-forget; the next creation for the identity waits for it).
     */
    @Override
    public void rejected(Identity identity, LiveSession live) {
        FleetIdentity fleet = identityKey.apply(identity);
        Handout last = fleet == null ? null : handedOut.get(fleet);
        if (last == null || !last.holds(live) || last.invalidation != null) {
            return;
        }
        CompletableFuture<Boolean> invalidation;
        try {
            invalidation = store.invalidate(fleet, last.shared).toCompletableFuture();
        } catch (Throwable e) { // a store must not throw; if it does, the 401 path still goes on
            invalidation = CompletableFuture.failedFuture(e);
        }
        last.invalidation = invalidation.whenComplete(this::heard);
    }

    /**
     * The sliding expiry of {@code live} moved: if it is the shared session of {@code identity} and a minute has
     * passed since its stored lifetime was last lengthened, lengthen it (fire-and-forget, at most one a minute per
     * identity; the hot path only reads a field and the clock).
     */
    @Override
    public void extended(Identity identity, LiveSession live) {
        FleetIdentity fleet = identityKey.apply(identity);
        Handout last = fleet == null ? null : handedOut.get(fleet);
        if (last == null) {
            return;
        }
        long now = clock.millis();
        long next = last.nextExtendAtMillis.get();
        if (now < next || !last.holds(live) || !last.nextExtendAtMillis.compareAndSet(next,
                now + EXTEND_INTERVAL_MILLIS)) {
            return;
        }
        long expiresAt = live.expiresAtMillis();
        if (expiresAt <= last.shared.session().expiresAt().toEpochMilli()) {
            return; // not moved beyond what is stored
        }
        try {
            store.extend(fleet, last.shared, Instant.ofEpochMilli(expiresAt)).toCompletableFuture()
                    .whenComplete(this::heard);
        } catch (Throwable e) {
            health.failed(e);
        }
    }

    /** Notes a fire-and-forget store operation's outcome in the health. */
    private void heard(Object ignored, Throwable failure) {
        if (failure == null) {
            health.succeeded();
        } else {
            health.failed(failure);
        }
    }

    /**
     * One round: read, then adopt, lease or wait. Store failures fail the stage; creation failures are CreationFailed.
     */
    private CompletableFuture<Acquired> attempt(Identity identity, FleetIdentity fleet, SharedSession before,
                                                long deadline, int round) {
        if (round >= MAX_ROUNDS || System.nanoTime() >= deadline) {
            return CompletableFuture.failedFuture(new BudgetSpent());
        }
        return store.read(fleet).toCompletableFuture().thenCompose(stored -> {
            health.succeeded();
            Optional<SharedSession> adoptable = stored.filter(s -> adoptable(before, s));
            if (adoptable.isPresent()) {
                return adopted(fleet, adoptable.get(), FleetOutcome.ADOPTED);
            }
            long known = stored.map(SharedSession::generation).orElse(0L);
            return store.tryLease(fleet, known, lease).toCompletableFuture().thenCompose(outcome -> switch (outcome) {
                case LeaseOutcome.Newer newer -> adoptable(before, newer.current())
                        ? adopted(fleet, newer.current(), FleetOutcome.ADOPTED)
                        : attempt(identity, fleet, before, deadline, round + 1);
                case LeaseOutcome.Granted granted -> unlessBackingOff(identity, fleet, granted.lease());
                case LeaseOutcome.Held held -> {
                    long leftMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                    Duration wait = Duration.ofMillis(Math.min(Math.min(leftMillis, MAX_HELD_WAIT_MILLIS),
                            held.remaining().toMillis() + 100));
                    yield store.awaitNewer(fleet, known, wait).toCompletableFuture().thenCompose(found ->
                            found.isPresent() && adoptable(before, found.get())
                                    ? adopted(fleet, found.get(), FleetOutcome.JOINED)
                                    : attempt(identity, fleet, before, deadline, round + 1));
                }
            });
        });
    }

    /**
     * Creates under {@code held} unless the fleet is backing off after a 429 (docs/FLEET.md §10): then nothing is sent
     * to QuickBlox, the lease is released and the call fails with a {@link RateLimitedException} carrying the time
     * left. A back-off that cannot be read (store trouble) does not stop the creation.
     */
    private CompletableFuture<Acquired> unlessBackingOff(Identity identity, FleetIdentity fleet, Lease held) {
        return store.backOffRemaining(fleet.applicationId()).toCompletableFuture()
                .exceptionally(e -> Duration.ZERO)
                .thenCompose(remaining -> {
                    if (remaining.isZero() || remaining.isNegative()) {
                        return createAndPublish(identity, fleet, held);
                    }
                    store.release(held);
                    return CompletableFuture.failedFuture(new CreationFailed(new RateLimitedException(
                            "the fleet is backing off after a 429 from QuickBlox (" + remaining.toMillis()
                                    + " ms left)", 429, ErrorDetails.NONE, remaining)));
                });
    }

    private CompletableFuture<Acquired> createAndPublish(Identity identity, FleetIdentity fleet, Lease held) {
        CompletableFuture<LiveSession> created;
        try {
            created = delegate.create(identity);
        } catch (Throwable t) { // user code (a CredentialsSupplier) may throw anything: the flight must still end
            created = CompletableFuture.failedFuture(t);
        }
        return created.handle((live, failure) -> {
            if (failure != null) {
                // every instance honours a 429's back-off
                if (TransportSupport.unwrap(failure) instanceof RateLimitedException limited) {
                    store.backOff(fleet.applicationId(), limited.retryAfter().filter(d -> d.toMillis() > 0)
                            .orElse(DEFAULT_RETRY_AFTER));
                }
                store.release(held); // best effort: a waiter takes over at once instead of at the lease's end
                throw new CreationFailed(failure);
            }
            return live;
        }).thenCompose(live -> store.publish(held, live.snapshot()).toCompletableFuture()
                .handle((published, failure) -> {
                    if (failure != null) {
                        health.failed(failure);
                        return new Acquired(live, FleetOutcome.LOCAL); // created, not shared: still good here
                    }
                    if (published.generation() == held.generation()) {
                        handOut(fleet, published);
                        return new Acquired(live, FleetOutcome.CREATED);
                    }
                    delegate.discard(live); // a newer session won: ours was never shared
                    return new Acquired(adopt(fleet, published), FleetOutcome.ADOPTED);
                }));
    }

    /**
     * Whether {@code stored} may be handed out by a call that began when {@code before} was the last handed out: not
     * that one, and with at least the minimum lifetime left — scaled, as the cache scales its margins, to at most half
     * the session's lifetime, so a short-lived session is shared for the first half of its life.
     */
    private boolean adoptable(SharedSession before, SharedSession stored) {
        SharedSession last = before;
        if (last != null && last.generation() == stored.generation()
                && last.session().token().equals(stored.session().token())) {
            return false;
        }
        Session session = stored.session();
        long lifetime = Math.max(0, session.expiresAt().toEpochMilli() - session.createdAt().toEpochMilli());
        long least = Math.min(minRemaining.toMillis(), lifetime / 2);
        return session.expiresAt().toEpochMilli() > clock.millis() + least;
    }

    private CompletableFuture<Acquired> adopted(FleetIdentity fleet, SharedSession stored, FleetOutcome outcome) {
        return CompletableFuture.completedFuture(new Acquired(adopt(fleet, stored), outcome));
    }

    /**
     * Hands {@code stored} out as this instance's session of {@code fleet}, with its lifetime as the publisher saw
     * it begin (so the cache scales its refresh margins to it).
     */
    private LiveSession adopt(FleetIdentity fleet, SharedSession stored) {
        handOut(fleet, stored);
        Session session = stored.session();
        return LiveSession.received(session, session.createdAt().toEpochMilli());
    }

    private void handOut(FleetIdentity fleet, SharedSession shared) {
        handedOut.put(fleet, new Handout(shared, clock.millis() + EXTEND_INTERVAL_MILLIS));
    }

    @Override
    public void discard(LiveSession session) {
        for (Handout last : handedOut.values()) {
            if (last.holds(session)) {
                return; // the fleet uses it: ending it here would end it for every instance
            }
        }
        delegate.discard(session);
    }

    /** A failure of the delegate's creation: it is the caller's failure, not the store's, and is passed on. */
    private static final class CreationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CreationFailed(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    /** The rounds or the budget ran out without a session to adopt: this instance creates locally. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }
}
