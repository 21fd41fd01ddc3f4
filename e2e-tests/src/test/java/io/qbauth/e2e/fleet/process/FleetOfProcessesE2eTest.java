package io.qbauth.e2e.fleet.process;

import static io.qbauth.e2e.fleet.process.FleetWorld.IDENTITIES;
import static io.qbauth.e2e.fleet.process.FleetWorld.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.PlanLimits;
import io.qbauth.testkit.redis.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fleet of {@value FleetWorld#MEMBERS} separate JVMs × {@value FleetWorld#IDENTITIES} identities on one emulator:
 * what the fleet costs QuickBlox per expiry window without a shared store and with one (on a real
 * {@code redis-server}), under a plan limit, when the member creating a session is killed with SIGKILL mid-creation,
 * and when a session ends on the server.
 */
@ExtendWith(ChildProcesses.class)
@Timeout(300) // generous: a loaded 2-core machine starts 4 JVMs slowly; a hang still ends
class FleetOfProcessesE2eTest {

    /** A plan with room for every identity's session once per window (the emulator's clock jumps open a new one). */
    private static final PlanLimits PLAN = PlanLimits.none().withSessionCreationsPerMinute(IDENTITIES * 2);
    private static final Predicate<String> CREATE_BEGIN = line -> line.equals("CREATE begin");

    @RegisterExtension
    final RedisServerProcess redis = new RedisServerProcess();

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
    void without_a_shared_store_every_member_creates_its_own_sessions_and_a_plan_limit_answers_429s() {
        try (Fleet fleet = world.fleet(MEMBERS, world::spec)) {
            List<Long> perWindow = expiryWindows(fleet, 1, false);
            assertThat(perWindow).as("creations per expiry window").containsOnly((long) IDENTITIES * MEMBERS);

            // room for every identity once per window, not for every member's own
            world.emulator.planLimits(PLAN);
            world.expireAll();
            List<RoundReport> limited = fleet.round();
            System.out.println("without Redis: creations per window " + perWindow + ", then under " + PLAN + ": "
                    + world.creations429() + " creations refused with 429");
            assertThat(world.creations429()).as("creations refused with 429").isPositive();
            assertThat(limited.stream().mapToLong(r -> r.errors().getOrDefault("RateLimitedException", 0L)).sum())
                    .as("calls failed with RateLimitedException").isPositive();
        }
    }

    @Test
    void with_a_shared_store_the_fleet_creates_one_session_per_identity_and_window_and_stays_under_the_plan_limit() {
        world.emulator.planLimits(PLAN);
        try (Fleet fleet = world.fleet(MEMBERS, this::shared)) {
            List<Long> perWindow = expiryWindows(fleet, 2, true);

            System.out.println("with Redis: creations per window " + perWindow + " under " + PLAN + ", "
                    + world.creations429() + " refused with 429");
            assertThat(perWindow).as("creations per expiry window").containsOnly((long) IDENTITIES);
            assertThat(world.creations429()).as("creations refused with 429").isZero();
            assertThat(fleet.eventTotal("FleetSessionAcquired.CREATED")).as("sessions created for the fleet")
                    .isEqualTo(3L * IDENTITIES);
            assertThat(fleet.eventTotal("FleetSessionAcquired.LOCAL")).as("sessions created locally").isZero();
        }
    }

    @Test
    void when_the_lease_holder_is_killed_mid_creation_another_member_takes_over_within_the_lease() {
        Duration request = Duration.ofSeconds(4); // the lease: the request timeout + 1 s
        Duration lease = request.plusSeconds(1);
        Duration latency = Duration.ofSeconds(2);
        Duration call = Duration.ofSeconds(20);
        try (Fleet fleet = world.fleet(MEMBERS, i -> shared(i).withIdentities(1).withTimeouts(call, request))) {
            FaultRule slow = world.emulator.faults().set(Fault.latency(latency).on("POST", "/session.json"));
            List<String> rounds = fleet.members().stream().map(m -> m.begin("round")).toList();
            MemberProcess holder = null;
            long holderBegan = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (holder == null && System.nanoTime() < deadline) {
                for (MemberProcess member : fleet.members()) {
                    OptionalLong began = member.awaitLine(CREATE_BEGIN, 0, Duration.ofMillis(20));
                    if (began.isPresent()) {
                        holder = member;
                        holderBegan = began.getAsLong();
                        break;
                    }
                }
            }
            assertThat(holder).as("the member that creates").isNotNull();
            Fleet.sleep(latency.dividedBy(2)); // mid-creation: its POST is on the wire
            long killed = System.nanoTime();
            holder.kill9();

            List<MemberProcess> survivors = new ArrayList<>(fleet.members());
            survivors.remove(holder);
            List<RoundReport> reports = new ArrayList<>();
            for (MemberProcess survivor : survivors) {
                reports.add(RoundReport.parse(survivor.instance(),
                        survivor.await(rounds.get(fleet.members().indexOf(survivor)), Fleet.ROUND_BOUND)));
            }
            long recovered = System.nanoTime();
            slow.remove();

            Fleet.assertNoFailure(reports);
            assertThat(reports).allSatisfy(r -> assertThat(r.slowest()).as("slowest call of member %d",
                    r.instance()).isLessThanOrEqualTo(call.toMillis()));
            Map<Integer, String> token = Fleet.assertSameTokenEverywhere(reports);
            List<MemberProcess> takers = survivors.stream()
                    .filter(m -> m.lines().stream().anyMatch(CREATE_BEGIN)).toList();
            assertThat(takers).as("members that created after the holder died").hasSize(1);
            assertThat(Fleet.events(takers.getFirst())).containsEntry("FleetSessionAcquired.CREATED", 1L);
            assertThat(survivors).allSatisfy(m -> assertThat(Fleet.events(m))
                    .doesNotContainKey("FleetSessionAcquired.LOCAL"));
            long tookOver = takers.getFirst().awaitLine(CREATE_BEGIN, 0, Duration.ZERO).orElseThrow();
            Duration takeover = Duration.ofNanos(tookOver - holderBegan);
            System.out.println("kill -9 of the lease holder: takeover " + takeover.toMillis() + " ms after the holder"
                    + " began (lease " + lease.toMillis() + " ms), callers served " + Duration.ofNanos(recovered
                    - killed).toMillis() + " ms after the kill");
            assertThat(takeover).as("takeover after the holder began").isLessThanOrEqualTo(lease.plusSeconds(3));

            // a newcomer adopts what the fleet stored (the takeover's session, nothing older) and creates nothing
            MemberProcess newcomer = MemberProcess.start(shared(MEMBERS).withIdentities(1),
                    QuickBloxFixture.AUTH_SECRET, world.logs);
            try {
                newcomer.awaitReady();
                RoundReport adopted = RoundReport.parse(MEMBERS, newcomer.call(Fleet.ROUND_BOUND, "round"));
                assertThat(adopted.tokens()).isEqualTo(token);
                assertThat(newcomer.lines()).noneMatch(CREATE_BEGIN);
            } finally {
                newcomer.close();
            }
        }
    }

    @Test
    void a_session_ended_on_the_server_is_replaced_once_for_the_whole_fleet() {
        int identities = 20;
        try (Fleet fleet = world.fleet(MEMBERS, i -> i == 0 ? shared(i).withIdentities(identities).revealingTokens()
                : shared(i).withIdentities(identities))) {
            Map<Integer, String> first = Fleet.assertSameTokenEverywhere(fleet.round());
            long created = world.userCreations();

            // sessions 0..4 end on the server; member 0 alone meets the 401s first
            for (int i = 0; i < 5; i++) {
                endOnServer(reveal(fleet.member(0), i));
            }
            Fleet.assertNoFailure(Fleet.everywhere(List.of(fleet.member(0)), "round", 0, 5));
            assertThat(world.userCreations() - created).as("creations after member 0's 401s").isEqualTo(5);
            List<RoundReport> later = fleet.round();
            Fleet.assertNoFailure(later);
            Map<Integer, String> second = Fleet.assertSameTokenEverywhere(later);
            assertThat(world.userCreations() - created).as("creations once every member met them").isEqualTo(5);
            for (int i = 0; i < identities; i++) {
                assertThat(second.get(i).equals(first.get(i))).as("identity %d keeps its session", i).isEqualTo(i >= 5);
            }

            // sessions 5..9 end; every member meets the 401 at once
            for (int i = 5; i < 10; i++) {
                endOnServer(reveal(fleet.member(0), i));
            }
            List<RoundReport> together = fleet.round(5, 10);
            Fleet.assertNoFailure(together);
            Fleet.assertSameTokenEverywhere(together);
            assertThat(world.userCreations() - created).as("creations after 401s everywhere at once").isEqualTo(10);
        }
    }

    private MemberSpec shared(int i) {
        return world.spec(i).withRedis(redis.uri());
    }

    /** The real token member {@code member} holds for {@code identity} (a member started revealing tokens). */
    static String reveal(MemberProcess member, int identity) {
        return member.call(Duration.ofSeconds(10), "reveal", identity).stream()
                .filter(l -> l.startsWith("REVEAL ")).map(l -> l.split(" ")[2]).findFirst()
                .orElseThrow(() -> new AssertionError(member + " revealed nothing"));
    }

    /** Ends the session of {@code token} on the emulator ({@code DELETE /session.json}), as a logout elsewhere would. */
    private void endOnServer(String token) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(world.emulator.baseUrl()
                            .resolve("/session.json")).header("QB-Token", token).DELETE()
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as("DELETE /session.json").isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
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
                Fleet.sleep(Duration.ofMillis(400));
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
}
