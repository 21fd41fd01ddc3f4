package io.qbauth.emulator.internal.http.connections;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP connections of every server instance from the moment they are accepted, and holds them under a
 * cap: {@link #tryOpen()} refuses the connection that would exceed it. Thread-safe; one per emulator.
 */
public final class ConnectionLimiter {

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder opened = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** @param maxConnections connections open at once */
    public ConnectionLimiter(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Counts a new connection; false (and counted as refused) when the cap is reached: close it. */
    public boolean tryOpen() {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refused.increment();
            return false;
        }
        opened.increment();
        return true;
    }

    /** A connection that {@link #tryOpen()} admitted has closed. */
    public void closed() {
        open.decrementAndGet();
    }

    /** Connections open now. */
    public long open() {
        return open.get();
    }

    /** Connections accepted since start. */
    public long opened() {
        return opened.sum();
    }

    /** Connections closed at accept because the cap was reached, since start. */
    public long refused() {
        return refused.sum();
    }

    /** The cap. */
    public int max() {
        return maxConnections;
    }
}
