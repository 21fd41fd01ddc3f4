package io.qbauth.internal.session;

import io.qbauth.domain.Session;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.Lease;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link SharedSessionStore} contract in one process, for unit tests of the core: generations, leases (released,
 * never expiring by themselves), fenced publication, compare-and-delete. {@code awaitNewer} polls every 5 ms.
 */
final class InMemorySharedSessionStore implements SharedSessionStore {

    private final Map<FleetIdentity, SharedSession> sessions = new HashMap<>();
    private final Map<FleetIdentity, String> leases = new HashMap<>();
    private final Map<FleetIdentity, Long> counters = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    /** The expiries {@code extend} was asked for, in order. */
    final List<Instant> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Long, Long> backOffUntilNanos = new HashMap<>();

    /** Stores {@code session} under a new generation, as another instance would. */
    synchronized SharedSession publishedElsewhere(FleetIdentity identity, Session session) {
        long generation = counters.merge(identity, 1L, Long::sum);
        SharedSession shared = new SharedSession(session, generation);
        sessions.put(identity, shared);
        return shared;
    }

    synchronized boolean leased(FleetIdentity identity) {
        return leases.containsKey(identity);
    }

    @Override
    public synchronized CompletionStage<Optional<SharedSession>> read(FleetIdentity identity) {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(Optional.ofNullable(sessions.get(identity)));
    }

    @Override
    public synchronized CompletionStage<LeaseOutcome> tryLease(FleetIdentity identity, long knownGeneration,
                                                               Duration ttl) {
        calls.incrementAndGet();
        SharedSession stored = sessions.get(identity);
        if (stored != null && stored.generation() > knownGeneration) {
            return CompletableFuture.completedFuture(new LeaseOutcome.Newer(stored));
        }
        if (leases.containsKey(identity)) {
            return CompletableFuture.completedFuture(new LeaseOutcome.Held(ttl, Optional.ofNullable(stored)));
        }
        String owner = UUID.randomUUID().toString();
        leases.put(identity, owner);
        long generation = counters.merge(identity, 1L, Long::sum);
        return CompletableFuture.completedFuture(new LeaseOutcome.Granted(new Lease(identity, owner, generation, ttl)));
    }

    @Override
    public synchronized CompletionStage<SharedSession> publish(Lease lease, Session session) {
        calls.incrementAndGet();
        SharedSession stored = sessions.get(lease.identity());
        if (stored == null || lease.generation() > stored.generation()) {
            stored = new SharedSession(session, lease.generation());
            sessions.put(lease.identity(), stored);
        }
        leases.remove(lease.identity(), lease.owner());
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public synchronized CompletionStage<Void> release(Lease lease) {
        calls.incrementAndGet();
        leases.remove(lease.identity(), lease.owner());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<SharedSession>> awaitNewer(FleetIdentity identity, long generation,
                                                               Duration max) {
        calls.incrementAndGet();
        long deadline = System.nanoTime() + max.toNanos();
        CompletableFuture<Optional<SharedSession>> result = new CompletableFuture<>();
        poll(identity, generation, deadline, result);
        return result;
    }

    private void poll(FleetIdentity identity, long generation, long deadline,
                      CompletableFuture<Optional<SharedSession>> result) {
        SharedSession stored;
        synchronized (this) {
            stored = sessions.get(identity);
        }
        if (stored != null && stored.generation() > generation) {
            result.complete(Optional.of(stored));
        } else if (System.nanoTime() >= deadline) {
            result.complete(Optional.empty());
        } else {
            CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS)
                    .execute(() -> poll(identity, generation, deadline, result));
        }
    }

    @Override
    public synchronized CompletionStage<Boolean> invalidate(FleetIdentity identity, SharedSession seen) {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(sessions.remove(identity, seen));
    }

    @Override
    public synchronized CompletionStage<Boolean> extend(FleetIdentity identity, SharedSession seen,
                                                        Instant expiresAt) {
        calls.incrementAndGet();
        extensions.add(expiresAt);
        return CompletableFuture.completedFuture(sessions.get(identity) != null && sessions.get(identity).equals(seen));
    }

    @Override
    public synchronized CompletionStage<Void> backOff(long applicationId, Duration retryAfter) {
        calls.incrementAndGet();
        backOffUntilNanos.merge(applicationId, System.nanoTime() + retryAfter.toNanos(), Math::max);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Duration> backOffRemaining(long applicationId) {
        calls.incrementAndGet();
        long left = backOffUntilNanos.getOrDefault(applicationId, 0L) - System.nanoTime();
        return CompletableFuture.completedFuture(left > 0 ? Duration.ofNanos(left) : Duration.ZERO);
    }

    @Override
    public void close() {
    }
}
