package io.qbauth.emulator.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The timestamp window and (timestamp, nonce) replay check of one application's create-session requests. Nonces are
 * remembered per timestamp second only while that second is inside the window: older ones can never be admitted
 * again anyway, so they are forgotten, which bounds memory to the create rate times the window.
 */
public final class NonceRegistry {

    /** The outcome of {@link #admit}. */
    public enum Verdict {
        /** In the window and never seen before: now remembered. */
        ACCEPTED,
        /** More than the window away from the emulator's clock, in either direction. */
        OUTSIDE_WINDOW,
        /** The same (timestamp, nonce) pair was already accepted. */
        REPLAYED
    }

    private final long windowSeconds;
    private final ConcurrentSkipListMap<Long, Set<Long>> noncesBySecond = new ConcurrentSkipListMap<>();

    /** @param window how far a request timestamp may be from the clock, in each direction */
    public NonceRegistry(Duration window) {
        this.windowSeconds = window.toSeconds();
    }

    /** Checks the window, then remembers the pair unless it was already used. */
    public Verdict admit(long timestamp, long nonce, Instant now) {
        long nowSeconds = now.getEpochSecond();
        if (!withinWindow(timestamp, nowSeconds)) {
            return Verdict.OUTSIDE_WINDOW;
        }
        forgetBefore(saturatedSubtract(nowSeconds, windowSeconds));
        boolean fresh = noncesBySecond.computeIfAbsent(timestamp, second -> ConcurrentHashMap.newKeySet()).add(nonce);
        return fresh ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }

    /**
     * Whether {@code |timestamp - now| <= window}, without overflow: {@code Math.abs(now - timestamp)} is negative for
     * a difference of {@code Long.MIN_VALUE}, which once let {@code now + Long.MIN_VALUE} through.
     */
    private boolean withinWindow(long timestamp, long nowSeconds) {
        return timestamp >= saturatedSubtract(nowSeconds, windowSeconds)
                && timestamp <= saturatedAdd(nowSeconds, windowSeconds);
    }

    private static long saturatedSubtract(long a, long b) {
        long difference = a - b;
        return ((a ^ b) & (a ^ difference)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : difference;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    /** How many distinct timestamp seconds are remembered now (for tests of the memory bound). */
    int rememberedSeconds() {
        return noncesBySecond.size();
    }

    private void forgetBefore(long oldestAdmissibleSecond) {
        Map.Entry<Long, Set<Long>> oldest = noncesBySecond.firstEntry();
        while (oldest != null && oldest.getKey() < oldestAdmissibleSecond) {
            noncesBySecond.remove(oldest.getKey(), oldest.getValue());
            oldest = noncesBySecond.firstEntry();
        }
    }
}
