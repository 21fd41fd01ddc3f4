package io.qbauth.e2e.soak;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Calls, errors and latencies of the soak run; {@link #interval()} takes and resets the per-minute part. */
final class SoakStats {

    /** Latencies kept per interval for percentiles; beyond this the interval's percentiles are from a prefix. */
    private static final int KEPT = 200_000;

    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final Map<String, LongAdder> errorTypes = new ConcurrentHashMap<>();
    private final AtomicLong maxMicros = new AtomicLong();
    private volatile AtomicLongArray latencies = new AtomicLongArray(KEPT);
    private final AtomicInteger kept = new AtomicInteger();
    private final LongAdder intervalCalls = new LongAdder();
    private final LongAdder intervalErrors = new LongAdder();

    /** A figure for one interval: calls, errors, latency percentiles in ms. */
    record Interval(long calls, long errors, double p50, double p99, double max) {
    }

    void succeeded(long micros) {
        calls.increment();
        intervalCalls.increment();
        latency(micros);
    }

    void failed(long micros, Throwable failure) {
        calls.increment();
        intervalCalls.increment();
        errors.increment();
        intervalErrors.increment();
        errorTypes.computeIfAbsent(describe(failure), type -> new LongAdder()).increment();
        latency(micros);
    }

    /** A call not made because too many were in flight (the machine cannot keep the rate). */
    void skipped() {
        skipped.increment();
    }

    Interval interval() {
        AtomicLongArray taken = latencies;
        int count = Math.min(kept.getAndSet(0), KEPT);
        latencies = new AtomicLongArray(KEPT);
        long[] sorted = new long[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = taken.get(i);
        }
        Arrays.sort(sorted);
        return new Interval(intervalCalls.sumThenReset(), intervalErrors.sumThenReset(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    long calls() {
        return calls.sum();
    }

    long errors() {
        return errors.sum();
    }

    long skippedCalls() {
        return skipped.sum();
    }

    double maxMillis() {
        return maxMicros.get() / 1000.0;
    }

    Map<String, Long> errorTypes() {
        Map<String, Long> snapshot = new TreeMap<>();
        errorTypes.forEach((type, count) -> snapshot.put(type, count.sum()));
        return snapshot;
    }

    private void latency(long micros) {
        maxMicros.accumulateAndGet(micros, Math::max);
        int slot = kept.getAndIncrement();
        if (slot < KEPT) {
            latencies.set(slot, micros);
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
        String status = cause instanceof io.qbauth.domain.AuthException auth ? " " + auth.status() : "";
        return cause.getClass().getSimpleName() + status;
    }
}
