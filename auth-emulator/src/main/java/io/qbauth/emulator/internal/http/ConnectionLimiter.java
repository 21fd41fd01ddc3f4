package io.qbauth.emulator.internal.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP connections of every server instance from the moment they are accepted, and holds them under a
 * cap: {@link #tryOpen()} refuses the connection that would exceed it. Thread-safe; one per emulator.
 */
final class ConnectionLimiter {

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder opened = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** @param maxConnections connections open at once */
    ConnectionLimiter(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Counts a new connection; false (and counted as refused) when the cap is reached: close it. */
    boolean tryOpen() {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refused.increment();
            return false;
        }
        opened.increment();
        return true;
    }

    /** A connection that {@link #tryOpen()} admitted has closed. */
    void closed() {
        open.decrementAndGet();
    }

    /** Connections open now. */
    long open() {
        return open.get();
    }

    /** Connections accepted since start. */
    long opened() {
        return opened.sum();
    }

    /** Connections closed at accept because the cap was reached, since start. */
    long refused() {
        return refused.sum();
    }

    /** The cap. */
    int max() {
        return maxConnections;
    }
}
