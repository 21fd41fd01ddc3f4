package io.qbauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private static final Instant START = Instant.parse("2026-12-05T05:00:00Z");

    @Test
    void a_standing_clock_moves_only_when_advanced_or_set() {
        TestClock clock = TestClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofHours(2));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(clock.millis()).isEqualTo(START.plus(Duration.ofHours(2)).toEpochMilli());
        clock.set(START.minusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
        assertThat(clock).hasToString("TestClock[2026-12-05T04:59:59Z]");
    }

    @Test
    void starting_now_stands_at_a_whole_second_not_after_now() {
        Instant before = Instant.ofEpochSecond(Instant.now().getEpochSecond());

        TestClock clock = TestClock.startingNow();

        assertThat(clock.instant().getNano()).isZero();
        assertThat(clock.instant()).isBetween(before, Instant.now());
        assertThat(clock.instant()).isEqualTo(clock.instant());
    }

    @Test
    void a_following_clock_is_the_system_time_plus_what_it_was_advanced() {
        TestClock clock = TestClock.followingSystem();
        clock.advance(Duration.ofDays(1));
        clock.advance(Duration.ofHours(1));

        Instant before = Instant.now().plus(Duration.ofHours(25));
        Instant read = clock.instant();
        Instant after = Instant.now().plus(Duration.ofHours(25));

        assertThat(read).isBetween(before, after);
        clock.set(START);
        assertThat(clock.instant()).isBetween(START, START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void it_is_always_utc() {
        TestClock clock = TestClock.at(START);

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneId.of("Europe/Paris"))).isSameAs(clock);
    }
}
