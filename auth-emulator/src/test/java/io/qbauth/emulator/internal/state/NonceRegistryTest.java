package io.qbauth.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.internal.state.NonceRegistry.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceRegistryTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private final NonceRegistry registry = new NonceRegistry(Duration.ofMinutes(60));

    @Test
    void accepts_each_pair_once_inside_the_window() {
        long ts = NOW.getEpochSecond();

        assertThat(registry.admit(ts, 1, NOW)).isEqualTo(Verdict.ACCEPTED);
        assertThat(registry.admit(ts, 1, NOW)).isEqualTo(Verdict.REPLAYED);
        assertThat(registry.admit(ts, 2, NOW)).isEqualTo(Verdict.ACCEPTED);
        assertThat(registry.admit(ts + 1, 1, NOW)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void the_window_is_inclusive_in_both_directions() {
        long ts = NOW.getEpochSecond();

        assertThat(registry.admit(ts - 3600, 1, NOW)).isEqualTo(Verdict.ACCEPTED);
        assertThat(registry.admit(ts + 3600, 1, NOW)).isEqualTo(Verdict.ACCEPTED);
        assertThat(registry.admit(ts - 3601, 1, NOW)).isEqualTo(Verdict.OUTSIDE_WINDOW);
        assertThat(registry.admit(ts + 3601, 1, NOW)).isEqualTo(Verdict.OUTSIDE_WINDOW);
    }

    @Test
    void forgets_seconds_that_left_the_window() {
        long ts = NOW.getEpochSecond();
        for (int second = 0; second < 100; second++) {
            registry.admit(ts + second, 7, NOW.plusSeconds(second));
        }
        assertThat(registry.rememberedSeconds()).isEqualTo(100);

        Instant later = NOW.plus(Duration.ofMinutes(60)).plusSeconds(50);
        assertThat(registry.admit(later.getEpochSecond(), 7, later)).isEqualTo(Verdict.ACCEPTED);

        assertThat(registry.rememberedSeconds()).as("seconds 50..99 and the new one").isEqualTo(51);
        assertThat(registry.admit(ts + 50, 7, later)).isEqualTo(Verdict.REPLAYED);
        assertThat(registry.admit(ts, 7, later)).isEqualTo(Verdict.OUTSIDE_WINDOW);
    }

    @Test
    void timestamps_that_overflow_the_distance_are_outside_the_window_and_cannot_be_replayed() {
        long ts = NOW.getEpochSecond();

        for (long hostile : new long[] {ts + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, ts + Long.MAX_VALUE,
                -ts, ts - Long.MAX_VALUE}) {
            assertThat(registry.admit(hostile, 9, NOW)).as("timestamp %d", hostile).isEqualTo(Verdict.OUTSIDE_WINDOW);
            assertThat(registry.admit(hostile, 9, NOW)).as("again: %d", hostile).isEqualTo(Verdict.OUTSIDE_WINDOW);
        }
        assertThat(registry.rememberedSeconds()).as("nothing remembered for them").isZero();
    }

    @Test
    void a_window_as_wide_as_time_itself_does_not_overflow_either() {
        NonceRegistry wide = new NonceRegistry(Duration.ofSeconds(Long.MAX_VALUE));
        long ts = NOW.getEpochSecond();

        assertThat(wide.admit(ts + Long.MIN_VALUE + 1, 1, NOW)).as("2^63 - 1 s away").isEqualTo(Verdict.ACCEPTED);
        assertThat(wide.admit(ts + Long.MIN_VALUE + 1, 1, NOW)).isEqualTo(Verdict.REPLAYED);
        assertThat(wide.admit(ts + Long.MIN_VALUE, 1, NOW)).as("2^63 s away").isEqualTo(Verdict.OUTSIDE_WINDOW);
        assertThat(wide.admit(Long.MAX_VALUE, 1, NOW)).isEqualTo(Verdict.ACCEPTED);
        assertThat(wide.admit(ts, 1, NOW)).isEqualTo(Verdict.ACCEPTED);
    }
}
