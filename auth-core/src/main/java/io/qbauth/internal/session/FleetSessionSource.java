package io.qbauth.internal.session;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.Lease;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.spi.TransportSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * </ul>
 */
public final class FleetSessionSource implements SessionSource {

    private static final System.Logger LOG = System.getLogger(FleetSessionSource.class.getName());
    private static final int MAX_ROUNDS = 4;
    /** The fleet-wide back-off after a 429 without a {@code Retry-After}. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final SessionSource delegate;
    private final SharedSessionStore store;
    private final Function<Identity, FleetIdentity> identityKey;
    private final Duration lease;
    private final Duration budget;
    private final Duration minRemaining;
    private final Clock clock;
    private final ConcurrentHashMap<FleetIdentity, SharedSession> handedOut = new ConcurrentHashMap<>();
    private final AtomicBoolean degraded = new AtomicBoolean();

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
        SharedSession before = handedOut.get(fleet); // being asked again means this one is unusable
        return attempt(identity, fleet, before, deadline, 0).exceptionallyCompose(e -> {
            Throwable cause = TransportSupport.unwrap(e);
            if (cause instanceof CreationFailed failed) {
                return CompletableFuture.failedFuture(TransportSupport.unwrap(failed.getCause()));
            }
            if (cause instanceof BudgetSpent) {
                LOG.log(System.Logger.Level.DEBUG, "no shared session within the budget: creating locally");
            } else {
                storeFailed(cause);
            }
            return delegate.create(identity);
        });
    }

    /**
     * One round: read, then adopt, lease or wait. Store failures fail the stage; creation failures are CreationFailed.
     */
    private CompletableFuture<LiveSession> attempt(Identity identity, FleetIdentity fleet, SharedSession before,
                                                   long deadline, int round) {
        if (round >= MAX_ROUNDS || System.nanoTime() >= deadline) {
            return CompletableFuture.failedFuture(new BudgetSpent());
        }
        return store.read(fleet).toCompletableFuture().thenCompose(stored -> {
            storeBack();
            Optional<SharedSession> adoptable = stored.filter(s -> adoptable(before, s));
            if (adoptable.isPresent()) {
                return CompletableFuture.completedFuture(adopt(fleet, adoptable.get()));
            }
            long known = stored.map(SharedSession::generation).orElse(0L);
            return store.tryLease(fleet, known, lease).toCompletableFuture().thenCompose(outcome -> switch (outcome) {
                case LeaseOutcome.Newer newer -> adoptable(before, newer.current())
                        ? CompletableFuture.completedFuture(adopt(fleet, newer.current()))
                        : attempt(identity, fleet, before, deadline, round + 1);
                case LeaseOutcome.Granted granted -> unlessBackingOff(identity, fleet, granted.lease());
                case LeaseOutcome.Held held -> {
                    long leftMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                    Duration wait = Duration.ofMillis(Math.min(leftMillis, held.remaining().toMillis() + 100));
                    yield store.awaitNewer(fleet, known, wait).toCompletableFuture().thenCompose(found ->
                            found.isPresent() && adoptable(before, found.get())
                                    ? CompletableFuture.completedFuture(adopt(fleet, found.get()))
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
    private CompletableFuture<LiveSession> unlessBackingOff(Identity identity, FleetIdentity fleet, Lease held) {
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

    private CompletableFuture<LiveSession> createAndPublish(Identity identity, FleetIdentity fleet, Lease held) {
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
                        storeFailed(failure);
                        return live; // created, not shared: still a good session for this instance
                    }
                    if (published.generation() == held.generation()) {
                        handedOut.put(fleet, published);
                        return live;
                    }
                    delegate.discard(live); // a newer session won: ours was never shared
                    return adopt(fleet, published);
                }));
    }

    /** Whether {@code stored} may be handed out by a call that began when {@code before} was the last handed out. */
    private boolean adoptable(SharedSession before, SharedSession stored) {
        SharedSession last = before;
        if (last != null && last.generation() == stored.generation()
                && last.session().token().equals(stored.session().token())) {
            return false;
        }
        return stored.session().expiresAt().isAfter(clock.instant().plus(minRemaining));
    }

    private LiveSession adopt(FleetIdentity fleet, SharedSession stored) {
        handedOut.put(fleet, stored);
        return new LiveSession(stored.session());
    }

    @Override
    public void discard(LiveSession session) {
        for (SharedSession shared : handedOut.values()) {
            if (shared.session().token().equals(session.token())) {
                return; // the fleet uses it: ending it here would end it for every instance
            }
        }
        delegate.discard(session);
    }

    private void storeFailed(Throwable cause) {
        if (degraded.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, () -> "shared session store unusable ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + "); creating sessions locally until it is back");
        }
    }

    private void storeBack() {
        if (degraded.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "shared session store usable again: sessions are shared");
        }
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
