package io.qbauth.loadtest.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetVerdictTest {

    @Test
    void a_shared_fleet_holds_within_one_creation_per_identity_per_wave_and_no_429() {
        FleetVerdict verdict = new FleetVerdict("fleet-redis", true, 4, 25, 2, 75, 0, 600, 2000);

        assertThat(verdict.bound()).isEqualTo(75);
        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.asStage().toCompletableFuture()).isCompleted().isNotCompletedExceptionally();
        assertThat(verdict.describe()).contains("75 sessions created (bound 75)", "600 Redis round trips (8.0 per identity per wave; 2000 commands run");
    }

    @Test
    void a_shared_fleet_fails_over_the_bound_or_with_a_single_429() {
        assertThat(new FleetVerdict("fleet-redis", true, 4, 25, 2, 76, 0, 600, 2000).holds()).isFalse();
        FleetVerdict limited = new FleetVerdict("fleet-redis", true, 4, 25, 2, 75, 1, 600, 2000);

        assertThat(limited.holds()).isFalse();
        assertThat(limited.asStage().toCompletableFuture()).isCompletedExceptionally();
        assertThat(limited.describe()).contains("FAILED", "1 creations refused with 429");
    }

    @Test
    void an_uncoordinated_fleet_of_several_instances_must_show_the_problem() {
        assertThat(new FleetVerdict("fleet-local", false, 4, 25, 2, 200, 0, -1, -1).holds()).isTrue();
        assertThat(new FleetVerdict("fleet-local", false, 4, 25, 2, 70, 12, -1, -1).holds()).isTrue();
        FleetVerdict quiet = new FleetVerdict("fleet-local", false, 4, 25, 2, 75, 0, -1, -1);

        assertThat(quiet.holds()).isFalse();
        assertThat(quiet.describe()).contains("proves nothing").doesNotContain("Redis");
        assertThat(new FleetVerdict("fleet-local", false, 1, 25, 2, 75, 0, -1, -1).holds()).isTrue();
    }
}
