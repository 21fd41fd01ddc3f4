package io.qbauth.internal.pool;

import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.ReauthenticatingExecutor;
import io.qbauth.internal.session.SingleFlightSessionCache;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One identity the pool holds: its session cache and executor, the calls using it now (leases) and when it was last
 * used. A call leases the entry for its whole duration, which pins it: eviction takes only an entry with no lease, by
 * one compare-and-set from 0 to {@code REMOVED}, so it can never break a call in progress. An explicit removal
 * (logout, destroy, replacement, close) sets {@code REMOVED} whatever the leases; calls in progress finish on the
 * entry, new calls get a new one. No lock anywhere.
 */
final class PoolEntry {

    private static final int REMOVED = 1 << 30;
    private static final VarHandle LEASES;

    static {
        try {
            LEASES = MethodHandles.lookup().findVarHandle(PoolEntry.class, "leases", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String key;
    final Identity.User identity;
    final SingleFlightSessionCache cache;
    final ReauthenticatingExecutor executor;
    @SuppressWarnings("unused") // through LEASES
    private volatile int leases;
    private volatile long lastUsedMillis;

    PoolEntry(String key, Identity.User identity, SingleFlightSessionCache cache, ReauthenticatingExecutor executor,
              long nowMillis) {
        this.key = key;
        this.identity = identity;
        this.cache = cache;
        this.executor = executor;
        this.lastUsedMillis = nowMillis;
    }

    /** Takes a lease for one call; false if the entry was removed (look it up again). */
    boolean tryLease(long nowMillis) {
        int current = leases;
        while ((current & REMOVED) == 0) {
            int witness = (int) LEASES.compareAndExchange(this, current, current + 1);
            if (witness == current) {
                touch(nowMillis);
                return true;
            }
            current = witness;
        }
        return false;
    }

    /** A newly added entry starts leased by the call that added it. */
    void leaseNew() {
        LEASES.getAndAdd(this, 1);
    }

    /** Ends a call's lease. */
    void release(long nowMillis) {
        touch(nowMillis);
        LEASES.getAndAdd(this, -1);
    }

    /** Marks an unused entry removed; false if a call uses it or it is already removed. */
    boolean tryEvict() {
        return LEASES.compareAndSet(this, 0, REMOVED);
    }

    /** Marks the entry removed whatever its leases; true only for the call that did it. */
    boolean remove() {
        int before = (int) LEASES.getAndBitwiseOr(this, REMOVED);
        return (before & REMOVED) == 0;
    }

    /** Whether a call uses the entry now. */
    boolean inUse() {
        return (leases & ~REMOVED) != 0;
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }

    private void touch(long nowMillis) {
        if (lastUsedMillis != nowMillis) { // one write per millisecond at most: no cache-line ping-pong per call
            lastUsedMillis = nowMillis;
        }
    }
}
