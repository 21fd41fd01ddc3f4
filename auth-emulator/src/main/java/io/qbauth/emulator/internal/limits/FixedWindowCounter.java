package io.qbauth.emulator.internal.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts events in fixed windows of one length aligned to the epoch ({@code [k × window, (k + 1) × window)}) and admits
 * at most a limit per window. Lock-free: the window number and the count share one {@link AtomicLong} (window in the
 * high bits, count in the low {@value #COUNT_BITS}), so a check is one read and, when admitted, one compare-and-set;
 * a refused event changes nothing.
 */
final class FixedWindowCounter {

    static final int COUNT_BITS = 21;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long WINDOW_MASK = -1L >>> COUNT_BITS;

    private final long windowMillis;
    private final AtomicLong state = new AtomicLong(-1L);

    /** @param windowMillis the window length, positive */
    FixedWindowCounter(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * Admits one event at {@code nowMillis} if fewer than {@code limit} were admitted in its window.
     *
     * @param limit events per window, from 1 to 2<sup>{@value #COUNT_BITS}</sup> − 1
     * @return 0 when admitted, else the milliseconds until the window ends (at least 1)
     */
    long tryAcquire(long nowMillis, int limit) {
        long window = Math.floorDiv(nowMillis, windowMillis);
        long windowBits = (window & WINDOW_MASK) << COUNT_BITS;
        while (true) {
            long current = state.get();
            if ((current & ~COUNT_MASK) != windowBits) {
                // another window (a later one, or an earlier one after the clock went back): start it afresh
                if (state.compareAndSet(current, windowBits | 1)) {
                    return 0;
                }
            } else if ((current & COUNT_MASK) >= limit) {
                return Math.max(1, (window + 1) * windowMillis - nowMillis);
            } else if (state.compareAndSet(current, current + 1)) {
                return 0;
            }
        }
    }
}
