package io.qbauth.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC {@link Clock} that tests move by hand; thread-safe. Either it stands still until moved
 * ({@link #at(Instant)}, {@link #startingNow()}), or it follows the system clock plus an offset that tests move
 * ({@link #followingSystem()}) — for an emulator that must age sessions at once while real time goes on.
 *
 * <pre>{@code
 * TestClock clock = TestClock.startingNow();
 * QbEmulator emulator = QbEmulator.builder().clock(clock).start();
 * clock.advance(Duration.ofHours(2)); // every session the emulator issued has expired
 * }</pre>
 */
public final class TestClock extends Clock {

    /** The time now, read from the system clock when {@link #following} and from the state alone otherwise. */
    private record State(Instant fixed, Duration offset) {
    }

    private final boolean following;
    private final AtomicReference<State> state;

    private TestClock(boolean following, Instant fixed) {
        this.following = following;
        this.state = new AtomicReference<>(new State(fixed, Duration.ZERO));
    }

    /** A clock that stands at {@code start} until a test moves it. */
    public static TestClock at(Instant start) {
        return new TestClock(false, Objects.requireNonNull(start, "start"));
    }

    /** A clock that stands at the current time, truncated to whole seconds as QuickBlox dates are. */
    public static TestClock startingNow() {
        return at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /** A clock that follows the system clock, shifted by what tests {@link #advance(Duration) advance} it. */
    public static TestClock followingSystem() {
        return new TestClock(true, null);
    }

    /** Moves the clock forward by {@code amount} (backwards when it is negative). */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        state.updateAndGet(now -> following ? new State(null, now.offset().plus(amount))
                : new State(now.fixed().plus(amount), Duration.ZERO));
    }

    /** Sets the clock to {@code instant}; a clock {@link #followingSystem() following the system} goes on from there. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        state.set(following ? new State(null, Duration.between(Instant.now(), instant)) : new State(instant,
                Duration.ZERO));
    }

    /** The current instant: where the clock stands, or the system time plus the offset. */
    @Override
    public Instant instant() {
        State now = state.get();
        return following ? Instant.now().plus(now.offset()) : now.fixed();
    }

    /** The current instant in epoch milliseconds. */
    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /** Always UTC. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: a test clock is always UTC, and moving a copy would not move the original. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Whether it follows the system clock, and where it stands or how far it is shifted. */
    @Override
    public String toString() {
        State now = state.get();
        return following ? "TestClock[system" + (now.offset().isZero() ? "" : " " + now.offset()) + "]"
                : "TestClock[" + now.fixed() + "]";
    }
}
