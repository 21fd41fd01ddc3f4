package io.qbauth.loadtest.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Waves of 3 s, 5 s apart, over 20 s: calls in [0,3), [8,11), [16,19); a wait otherwise; nothing after 20 s. */
class ExpiryWavesTest {

    private static final long T0 = 1_000_000;

    private final ExpiryWaves waves = new ExpiryWaves(Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(20));

    @Test
    void callsDuringAWaveAndWaitsForTheNextBetweenWaves() {
        assertThat(waves.next(T0)).isEqualTo(new ExpiryWaves.Step(true, 0));
        assertThat(waves.next(T0 + 2_999)).isEqualTo(new ExpiryWaves.Step(true, 0));
        assertThat(waves.next(T0 + 3_000)).isEqualTo(new ExpiryWaves.Step(false, 5_000));
        assertThat(waves.next(T0 + 8_000)).isEqualTo(new ExpiryWaves.Step(true, 0));
        assertThat(waves.wavesEntered()).isEqualTo(2);
    }

    @Test
    void waitsOutThePhaseWhenNoWaveIsLeftAndThenStops() {
        waves.next(T0);

        assertThat(waves.next(T0 + 19_000)).isEqualTo(new ExpiryWaves.Step(false, 1_000));
        assertThat(waves.next(T0 + 20_000)).isEqualTo(new ExpiryWaves.Step(false, 0));
        assertThat(waves.wavesEntered()).isEqualTo(1);
    }

    @Test
    void theClockStartsWithTheFirstUser() {
        assertThat(waves.next(T0 + 50_000)).isEqualTo(new ExpiryWaves.Step(true, 0));
        assertThat(waves.next(T0 + 53_500)).isEqualTo(new ExpiryWaves.Step(false, 4_500));
    }
}
