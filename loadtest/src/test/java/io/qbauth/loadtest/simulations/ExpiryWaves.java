package io.qbauth.loadtest.simulations;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session-refresh scenario's rhythm: waves of calls ({@code active} long) separated by idle gaps longer than
 * the session TTL, so every session expires between two waves and every wave opens with all of an identity's
 * virtual users calling at once on an expired session: the moment single-flight creation is for. The clock starts
 * with the first virtual user of the phase. Thread-safe.
 */
final class ExpiryWaves {

    private final long activeMillis;
    private final long periodMillis;
    private final long durationMillis;
    private final AtomicLong startMillis = new AtomicLong();
    private final AtomicInteger lastWave = new AtomicInteger(-1);

    /**
     * @param active   how long a wave lasts
     * @param idle     the gap between waves (longer than the TTL)
     * @param duration how long the phase runs; no wave starts after it
     */
    ExpiryWaves(Duration active, Duration idle, Duration duration) {
        this.activeMillis = active.toMillis();
        this.periodMillis = active.plus(idle).toMillis();
        this.durationMillis = duration.toMillis();
    }

    /**
     * What a virtual user does now: call at once, wait for the next wave, or (no wave left) wait out the phase.
     */
    Step next(long nowMillis) {
        startMillis.compareAndSet(0, nowMillis);
        long elapsed = nowMillis - startMillis.get();
        if (elapsed >= durationMillis) {
            return new Step(false, 0);
        }
        long wave = elapsed / periodMillis;
        long intoWave = elapsed % periodMillis;
        if (intoWave < activeMillis) {
            lastWave.accumulateAndGet((int) wave, Math::max);
            return new Step(true, 0);
        }
        long nextWaveAt = (wave + 1) * periodMillis;
        if (nextWaveAt >= durationMillis) {
            return new Step(false, durationMillis - elapsed);
        }
        return new Step(false, nextWaveAt - elapsed);
    }

    /** Waves that had at least one call so far. */
    int wavesEntered() {
        return lastWave.get() + 1;
    }

    /**
     * A virtual user's next step.
     *
     * @param call       call now
     * @param waitMillis otherwise, how long to pause first (then the user ends; a new one takes its place)
     */
    record Step(boolean call, long waitMillis) {
    }
}
