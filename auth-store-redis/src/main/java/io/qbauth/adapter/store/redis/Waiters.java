package io.qbauth.adapter.store.redis;

import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedStoreException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The callers of {@code awaitNewer} in this process (docs/FLEET.md §5). A waiter is registered <em>before</em> it
 * re-reads Redis, so a publication between the two cannot be missed; it is woken by the publication message and,
 * because pub/sub is at-most-once, also polls at a jittered, growing interval. Every wait ends by its deadline.
 */
final class Waiters {

    private final ScheduledExecutorService scheduler;
    private final Function<FleetIdentity, CompletableFuture<Optional<SharedSession>>> read;
    private final long firstPollMs;
    private final long lastPollMs;
    private final ConcurrentHashMap<String, Set<Wait>> byIdentity = new ConcurrentHashMap<>();

    Waiters(ScheduledExecutorService scheduler, Function<FleetIdentity, CompletableFuture<Optional<SharedSession>>> read,
            Duration pollInterval) {
        this.scheduler = scheduler;
        this.read = read;
        this.firstPollMs = Math.max(1, pollInterval.toMillis());
        this.lastPollMs = Math.max(firstPollMs, 5 * firstPollMs);
    }

    /** The wake-up key of {@code identity}, as carried by publication messages. */
    static String key(FleetIdentity identity) {
        return identity.applicationId() + ":" + identity.digest();
    }

    CompletableFuture<Optional<SharedSession>> await(FleetIdentity identity, long generation, Duration max) {
        Wait wait = new Wait(identity, generation);
        byIdentity.compute(key(identity), (k, set) -> {
            Set<Wait> waits = set == null ? ConcurrentHashMap.newKeySet() : set;
            waits.add(wait);
            return waits;
        });
        wait.result.whenComplete((v, e) -> wait.done());
        try {
            wait.deadline = scheduler.schedule(() -> wait.result.complete(Optional.empty()),
                    Math.max(0, max.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(
                    new SharedStoreException(SharedStoreException.Reason.CLOSED, "awaitNewer: store closed", e));
            return wait.result;
        }
        wait.check();                 // the re-read, after the registration
        wait.schedulePoll(firstPollMs);
        return wait.result;
    }

    /** A publication message {@code "<app>:<digest> <generation>"} arrived. */
    void published(String message) {
        int space = message.lastIndexOf(' ');
        if (space <= 0) {
            return;
        }
        Set<Wait> waits = byIdentity.get(message.substring(0, space));
        if (waits == null) {
            return;
        }
        long generation;
        try {
            generation = Long.parseLong(message.substring(space + 1));
        } catch (NumberFormatException e) {
            return;
        }
        for (Wait wait : waits) {
            if (generation > wait.after) {
                wait.check();
            }
        }
    }

    /** Ends every wait with {@code failure} (the store is closing). */
    void failAll(SharedStoreException failure) {
        byIdentity.values().forEach(set -> set.forEach(w -> w.result.completeExceptionally(failure)));
    }

    private final class Wait {
        final FleetIdentity identity;
        final long after;
        final CompletableFuture<Optional<SharedSession>> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> deadline;
        volatile ScheduledFuture<?> poll;

        Wait(FleetIdentity identity, long after) {
            this.identity = identity;
            this.after = after;
        }

        void check() {
            if (result.isDone()) {
                return;
            }
            read.apply(identity).whenComplete((found, e) -> {
                // a failed read is not the end of the wait: the next poll or message tries again until the deadline
                if (e == null && found.isPresent() && found.get().generation() > after) {
                    result.complete(found);
                }
            });
        }

        void schedulePoll(long intervalMs) {
            if (result.isDone()) {
                return;
            }
            long jittered = intervalMs / 2 + ThreadLocalRandom.current().nextLong(intervalMs + 1);
            try {
                poll = scheduler.schedule(() -> {
                    check();
                    schedulePoll(Math.min(lastPollMs, intervalMs * 3 / 2));
                }, jittered, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(
                        new SharedStoreException(SharedStoreException.Reason.CLOSED, "awaitNewer: store closed", e));
            }
        }

        void done() {
            byIdentity.computeIfPresent(key(identity), (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
            ScheduledFuture<?> p = poll;
            if (p != null) {
                p.cancel(false);
            }
        }
    }
}
