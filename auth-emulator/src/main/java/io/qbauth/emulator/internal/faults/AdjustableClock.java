package io.qbauth.emulator.internal.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: the configured clock plus an offset that {@link #jump} moves, so a test can make sessions
 * expire (or timestamps fall out of the window) on a running emulator whatever clock it was built with.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    /** @param base the configured clock */
    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Moves the clock by {@code amount} (negative: back); returns the new now. */
    public Instant jump(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        offset.updateAndGet(current -> current.plus(amount));
        return instant();
    }

    /** The sum of every jump so far. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return base.millis() + offset.get().toMillis();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** A view in another zone that shares this clock's offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "AdjustableClock[" + base + " + " + offset.get() + "]";
    }
}
