package io.qbauth.loadtest.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallStatsTest {

    @Test
    void summarisesEachRequestPathWithNearestRankPercentiles() {
        CallStats stats = new CallStats();
        for (int i = 1; i <= 100; i++) {
            stats.record(List.of("sdk-jdk"), "login", 1_000, 1_000 + i, i != 50);
        }
        stats.record(List.of(), "other", 0, 5, true);

        CallStats.Summary login = stats.snapshot().get("sdk-jdk / login");

        assertThat(stats.snapshot()).containsOnlyKeys("sdk-jdk / login", "other");
        assertThat(login.count()).isEqualTo(100);
        assertThat(login.okPercent()).isEqualTo(99.0);
        assertThat(login.p50Millis()).isEqualTo(50);
        assertThat(login.p95Millis()).isEqualTo(95);
        assertThat(login.p99Millis()).isEqualTo(99);
        assertThat(login.maxMillis()).isEqualTo(100);
        assertThat(login.rps()).isEqualTo(1000.0);
    }
}
