package io.qbauth.emulator.internal.limits;

import io.qbauth.emulator.PlanLimits;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Enforces the {@link PlanLimits} per application, reading the emulator's clock. With no limit set, a check is one
 * volatile read; with limits, a binary search over the (few) application ids and one atomic per check
 * ({@link FixedWindowCounter}). Changing the limits ({@link #update}) starts every window afresh. Thread-safe.
 */
public final class PlanLimiter {

    private static final long SECOND_MILLIS = 1_000;

    private final Clock clock;
    private final long[] applicationIds;
    private volatile Windows windows;

    /**
     * @param limits the limits to start with
     * @param applicationIds the applications served (requests of any other are never limited)
     * @param clock the emulator's clock: windows follow it, clock jumps included
     */
    public PlanLimiter(PlanLimits limits, Collection<Long> applicationIds, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.applicationIds = applicationIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        update(limits);
    }

    /** The limits in force. */
    public PlanLimits limits() {
        return windows.limits;
    }

    /** Puts {@code limits} in force at once; every window starts afresh. */
    public void update(PlanLimits limits) {
        windows = new Windows(Objects.requireNonNull(limits, "limits"), applicationIds.length);
    }

    /**
     * Admits one request of an application against its requests-per-second limit.
     *
     * @return 0 when admitted, else the whole seconds to wait ({@code Retry-After}, at least 1)
     */
    public long admitRequest(long applicationId) {
        Windows current = windows;
        FixedWindowCounter[] counters = current.requests;
        if (counters == null) {
            return 0;
        }
        return admit(counters, applicationId, current.limits.requestsPerSecond());
    }

    /**
     * Admits one session creation of an application against its session-creation limit.
     *
     * @return 0 when admitted, else the whole seconds to wait ({@code Retry-After}, at least 1)
     */
    public long admitSessionCreation(long applicationId) {
        Windows current = windows;
        FixedWindowCounter[] counters = current.sessionCreations;
        if (counters == null) {
            return 0;
        }
        return admit(counters, applicationId, current.limits.sessionCreations());
    }

    private long admit(FixedWindowCounter[] counters, long applicationId, int limit) {
        int index = Arrays.binarySearch(applicationIds, applicationId);
        if (index < 0) {
            return 0;
        }
        long waitMillis = counters[index].tryAcquire(clock.millis(), limit);
        return waitMillis == 0 ? 0 : ceilSeconds(waitMillis);
    }

    private static long ceilSeconds(long millis) {
        return (millis + SECOND_MILLIS - 1) / SECOND_MILLIS;
    }

    /** The limits in force and their counters; null arrays for a dimension without a limit. */
    private static final class Windows {
        final PlanLimits limits;
        final FixedWindowCounter[] requests;
        final FixedWindowCounter[] sessionCreations;

        Windows(PlanLimits limits, int applications) {
            this.limits = limits;
            this.requests = limits.requestsPerSecond() == 0 ? null : counters(applications, SECOND_MILLIS);
            this.sessionCreations = limits.sessionCreations() == 0
                    ? null : counters(applications, limits.sessionCreationWindow().toMillis());
        }

        private static FixedWindowCounter[] counters(int applications, long windowMillis) {
            FixedWindowCounter[] counters = new FixedWindowCounter[applications];
            for (int i = 0; i < applications; i++) {
                counters[i] = new FixedWindowCounter(windowMillis);
            }
            return counters;
        }
    }
}
