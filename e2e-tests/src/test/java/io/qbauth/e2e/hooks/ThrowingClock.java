package io.qbauth.e2e.hooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** The system clock, except that the n-th read after {@link #throwOnRead(int)} throws. */
final class ThrowingClock extends Clock {

    private final Throwables kind;
    private final AtomicInteger readsUntilThrow = new AtomicInteger(-1);

    ThrowingClock(Throwables kind) {
        this.kind = kind;
    }

    /** The {@code n}-th read from now (1 = the next) throws; later ones don't. */
    void throwOnRead(int n) {
        readsUntilThrow.set(n);
    }

    void disarm() {
        readsUntilThrow.set(-1);
    }

    @Override
    public long millis() {
        if (readsUntilThrow.get() > 0 && readsUntilThrow.decrementAndGet() == 0) {
            throw kind.create("clock");
        }
        return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
