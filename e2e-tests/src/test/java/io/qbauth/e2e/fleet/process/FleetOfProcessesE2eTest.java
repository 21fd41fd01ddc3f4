package io.qbauth.e2e.fleet.process;

import static io.qbauth.e2e.fleet.process.FleetWorld.IDENTITIES;
import static io.qbauth.e2e.fleet.process.FleetWorld.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.PlanLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fleet of {@value FleetWorld#MEMBERS} separate JVMs × {@value FleetWorld#IDENTITIES} identities on one emulator:
 * what the fleet costs QuickBlox per expiry window without a shared store, and with one.
 */
@ExtendWith(ChildProcesses.class)
@Timeout(120)
class FleetOfProcessesE2eTest {

    private FleetWorld world;

    @BeforeEach
    void emulator(TestInfo test) {
        world = new FleetWorld(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void without_a_shared_store_every_member_creates_its_own_session_per_identity_and_window() {
        try (Fleet fleet = world.fleet(MEMBERS, world::spec)) {
            List<Long> perWindow = expiryWindows(fleet, 2, false);

            assertThat(perWindow).as("creations per expiry window").containsOnly((long) IDENTITIES * MEMBERS);
        }
    }

    @Test
    void without_a_shared_store_a_plan_limit_on_creations_answers_429s() {
        // room for every identity once, not for every member's own
        world.emulator.planLimits(PlanLimits.none().withSessionCreationsPerMinute(IDENTITIES * 2));
        try (Fleet fleet = world.fleet(MEMBERS, world::spec)) {
            List<RoundReport> round = fleet.round();

            assertThat(world.creations429()).as("creations refused with 429").isPositive();
            assertThat(round.stream().mapToLong(r -> r.errors().getOrDefault("RateLimitedException", 0L)).sum())
                    .as("calls failed with RateLimitedException").isPositive();
        }
    }

    /**
     * Runs {@code windows} expiry windows after a first round: in each, the members call under load while every
     * session ends (a clock jump), then call once per identity. Returns the creations of the first round and of each
     * window; with {@code shared}, asserts that all members hold the same token per identity in every window.
     */
    private List<Long> expiryWindows(Fleet fleet, int windows, boolean shared) {
        List<Long> creations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int window = 0; window <= windows; window++) {
            long before = world.userCreations();
            if (window > 0) {
                List<String> loads = fleet.members().stream().map(m -> m.begin("load", 1_500)).toList();
                sleep(Duration.ofMillis(400));
                world.expireAll();
                for (int i = 0; i < loads.size(); i++) {
                    MemberProcess member = fleet.member(i);
                    Fleet.assertNoFailure(List.of(RoundReport.parse(member.instance(),
                            member.await(loads.get(i), Fleet.ROUND_BOUND))));
                }
            }
            List<RoundReport> round = fleet.round();
            Fleet.assertNoFailure(round);
            creations.add(world.userCreations() - before);
            if (shared) {
                var tokens = Fleet.assertSameTokenEverywhere(round);
                assertThat(tokens).hasSize(IDENTITIES);
                assertThat(seen).as("a new session per identity in window %d", window)
                        .doesNotContainAnyElementsOf(tokens.values());
                seen.addAll(tokens.values());
            }
        }
        return creations;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
