package io.qbauth.internal.session;

import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.FleetOutcome;
import io.qbauth.event.AuthEvent.FleetSessionAcquired;
import io.qbauth.event.AuthEvent.SharedStoreRecovered;
import io.qbauth.event.AuthEvent.SharedStoreUnavailable;
import io.qbauth.domain.SessionKind;
import io.qbauth.spi.SharedStoreException;
import io.qbauth.spi.TransportSupport;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the shared session store of one client or pool is usable, as its {@link FleetSessionSource}s find it
 * (docs/FLEET.md §11): a transition is said once — a WARNING log line and {@link SharedStoreUnavailable} on the way
 * down, an INFO line and {@link SharedStoreRecovered} on the way back — never per call, however many identities
 * share it. Events are delivered off the caller's thread, one at a time and in order, so no flight waits for a
 * listener. Thread-safe.
 */
public final class FleetHealth {

    private static final System.Logger LOG = System.getLogger(FleetHealth.class.getName());

    private final Events events;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ConcurrentLinkedQueue<AuthEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;

    /** @param events where the transitions and acquisitions are published */
    public FleetHealth(Events events) {
        this(events, ForkJoinPool.commonPool());
    }

    FleetHealth(Events events, Executor executor) {
        this.events = events;
        this.executor = executor;
    }

    /** Whether the store failed last time it was used. */
    public boolean isDown() {
        return down.get();
    }

    /** A store operation failed with {@code failure}: said once, on the transition to down. */
    void failed(Throwable failure) {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        Throwable cause = TransportSupport.unwrap(failure);
        String reason = cause instanceof SharedStoreException store ? store.reason().name()
                : cause.getClass().getSimpleName();
        LOG.log(System.Logger.Level.WARNING, () -> "shared session store unusable (" + reason
                + "); sessions are created locally, per instance, until it is back");
        later(new SharedStoreUnavailable(reason));
    }

    /** A store operation succeeded: said once, on the transition back. */
    void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "shared session store usable again: sessions are shared");
            later(new SharedStoreRecovered());
        }
    }

    /** How one coordinated creation ended; published after the flight it describes. */
    void acquired(SessionKind kind, FleetOutcome outcome) {
        if (events.listened()) {
            later(new FleetSessionAcquired(kind, outcome));
        }
    }

    private void later(AuthEvent event) {
        if (!events.listened()) {
            return;
        }
        pending.add(event);
        drain();
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    AuthEvent next;
                    while ((next = pending.poll()) != null) {
                        events.publish(next); // never throws: Events catches what listeners throw
                    }
                } finally {
                    draining.set(false);
                    if (!pending.isEmpty()) {
                        drain();
                    }
                }
            });
        } catch (Throwable rejected) { // an executor that refuses: deliver here rather than lose the events
            draining.set(false);
            AuthEvent next;
            while ((next = pending.poll()) != null) {
                events.publish(next);
            }
        }
    }
}
