package io.qbauth.adapter.transport.jdk;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the exchanges of one transport that outlive their time limit, without waking any thread per exchange.
 *
 * <p>One virtual thread sweeps the exchanges in flight every {@value #TICK_MILLIS} ms and expires those past their
 * deadline, so an exchange ends at most one tick after it; the thread ends once nothing has been in flight for a
 * second, and the next exchange starts another. Watching an exchange is one lock-free enqueue; a finished exchange
 * is dropped by the next sweep. A timer per exchange ({@code CompletableFuture.orTimeout}) instead wakes the JDK's
 * delay-scheduler thread to arm it and again to cancel it: on two cores that cost 15% of the throughput at 64
 * callers.
 */
final class Deadlines {

    /** An exchange with a deadline. */
    interface Timed {
        /** The deadline on the {@link System#nanoTime()} scale. */
        long deadlineNanos();

        /** Whether it has ended, so it no longer needs watching. */
        boolean isDone();

        /** Ends it for having outlived its deadline; called once, on the sweeper thread, and must not block. */
        void expire();
    }

    static final long TICK_MILLIS = 10;
    private static final long TICK_NANOS = TICK_MILLIS * 1_000_000;
    private static final long IDLE_NANOS = 1_000_000_000;
    private static final System.Logger LOG = System.getLogger(Deadlines.class.getName());

    private final Queue<Timed> watched = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final ThreadFactory sweepers = Thread.ofVirtual().name("qbauth-jdk-deadlines").factory();

    /** Expires {@code timed} if it has not ended by its deadline (give or take one tick). */
    void watch(Timed timed) {
        watched.add(timed);
        if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
            sweepers.newThread(this::sweep).start();
        }
    }

    /** Whether a sweeper thread is running (for tests). */
    boolean isSweeping() {
        return sweeping.get();
    }

    private void sweep() {
        long busyAt = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            for (Iterator<Timed> it = watched.iterator(); it.hasNext(); ) {
                Timed timed = it.next();
                if (timed.isDone()) {
                    it.remove();
                } else if (now - timed.deadlineNanos() >= 0) {
                    it.remove();
                    expire(timed);
                }
            }
            if (!watched.isEmpty()) {
                busyAt = now;
            } else if (now - busyAt >= IDLE_NANOS) {
                sweeping.set(false);
                // an exchange watched before the flag fell found it set and started no sweeper: go on for it
                if (watched.isEmpty() || !sweeping.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    private static void expire(Timed timed) {
        try {
            timed.expire();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "expiring an exchange failed", e);
        }
    }
}
