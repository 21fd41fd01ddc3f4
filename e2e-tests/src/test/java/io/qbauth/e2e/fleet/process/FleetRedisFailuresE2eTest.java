package io.qbauth.e2e.fleet.process;

import static io.qbauth.e2e.fleet.process.FleetWorld.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fleet of {@value FleetWorld#MEMBERS} JVMs × {@value #IDENTITIES} identities when Redis fails — restarted
 * mid-run, down at start, the connection cut by a TCP proxy — and what Redis holds: calls keep succeeding on the
 * members' local single flight, and the fleet shares one session per identity again after Redis is back. Redis
 * never holds a token or a login in clear, and a member with another cipher key keeps working.
 */
@ExtendWith(ChildProcesses.class)
@Timeout(300) // generous: a loaded 2-core machine starts 4 JVMs slowly; a hang still ends
class FleetRedisFailuresE2eTest {

    private static final int IDENTITIES = 50;
    private static final Duration RECONNECT_BOUND = Duration.ofSeconds(30);
    private static final String UNREADABLE_LOG = "does not open";

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
    void redis_restarted_mid_run_calls_keep_succeeding_and_the_fleet_converges_after() throws Exception {
        try (Fleet fleet = world.fleet(MEMBERS, this::member)) {
            sharedRound(fleet, IDENTITIES);

            List<String> loads = fleet.members().stream().map(m -> m.begin("load", 2_000)).toList();
            Fleet.sleep(Duration.ofMillis(300));
            redis.kill9();
            world.expireAll(); // sessions end while Redis is away: each member creates its own
            for (int i = 0; i < loads.size(); i++) {
                Fleet.assertNoFailure(List.of(RoundReport.parse(i, fleet.member(i).await(loads.get(i),
                        Fleet.ROUND_BOUND))));
            }
            Fleet.assertNoFailure(fleet.round());
            redis.start();

            fleet.awaitReachable(RECONNECT_BOUND);
            world.expireAll();
            sharedRound(fleet, IDENTITIES);
            assertEveryMemberSawTheOutage(fleet);
        }
    }

    @Test
    void redis_unreachable_at_start_calls_succeed_locally_and_the_fleet_converges_once_it_is_up() throws Exception {
        redis.stop();
        try (Fleet fleet = world.fleet(MEMBERS, this::member)) {
            long before = world.userCreations();
            List<RoundReport> alone = fleet.round();
            Fleet.assertNoFailure(alone);
            assertThat(world.userCreations() - before).as("creations without Redis: each member its own")
                    .isEqualTo((long) IDENTITIES * MEMBERS);
            assertThat(Fleet.status(fleet.member(0))).containsEntry("reachable", "false");

            redis.start();
            fleet.awaitReachable(RECONNECT_BOUND);
            world.expireAll();
            sharedRound(fleet, IDENTITIES);
            assertEveryMemberSawTheOutage(fleet);
        }
    }

    @Test
    void the_connection_cut_by_a_proxy_calls_succeed_locally_and_the_fleet_converges_once_it_heals() throws Exception {
        try (TcpProxy proxy = new TcpProxy(redis.port());
             Fleet fleet = world.fleet(MEMBERS, i -> member(i).withRedis("redis://127.0.0.1:" + proxy.port())
                     .withIdentities(2 * IDENTITIES))) {
            // identities 0..49 shared before the cut
            long before = world.userCreations();
            Fleet.assertSameTokenEverywhere(fleet.round(0, IDENTITIES));
            assertThat(world.userCreations() - before).isEqualTo(IDENTITIES);

            proxy.cut();
            // identities 50..99 signed in while cut: each member creates its own, no call fails
            before = world.userCreations();
            Fleet.assertNoFailure(fleet.round(IDENTITIES, 2 * IDENTITIES));
            assertThat(world.userCreations() - before).as("creations while cut")
                    .isEqualTo((long) IDENTITIES * MEMBERS);

            proxy.heal();
            fleet.awaitReachable(RECONNECT_BOUND);
            world.expireAll();
            sharedRound(fleet, 2 * IDENTITIES);
            assertEveryMemberSawTheOutage(fleet);
        }
    }

    @Test
    void redis_holds_no_token_and_no_login_and_a_member_with_another_key_keeps_working() throws Exception {
        try (Fleet fleet = world.fleet(MEMBERS, i -> i == 0 ? member(i).revealingTokens() : member(i))) {
            sharedRound(fleet, IDENTITIES);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < IDENTITIES; i++) {
                tokens.add(FleetOfProcessesE2eTest.reveal(fleet.member(0), i));
            }

            List<String> stored = everyKeyAndValue();
            assertThat(stored).as("keys and values in Redis").hasSizeGreaterThan(IDENTITIES);
            for (String entry : stored) {
                for (String token : tokens) {
                    assertThat(entry).doesNotContain(token);
                }
                assertThat(entry).doesNotContain("fleet-").doesNotContain("fb-test")
                        .doesNotContain(QuickBloxFixture.AUTH_SECRET).doesNotContain(QuickBloxFixture.AUTH_KEY);
            }

            // a member with another key: every stored entry is unreadable to it; it creates its own and keeps working
            byte[] otherKey = world.key.clone();
            otherKey[0] ^= 1;
            MemberProcess stranger = MemberProcess.start(member(MEMBERS).withCipherKey(otherKey),
                    QuickBloxFixture.AUTH_SECRET, world.logs);
            try {
                stranger.awaitReady();
                RoundReport report = RoundReport.parse(MEMBERS, stranger.call(Fleet.ROUND_BOUND, "round"));
                Fleet.assertNoFailure(List.of(report));
                assertThat(Long.parseLong(Fleet.status(stranger).get("unreadable"))).as("entries it could not open")
                        .isPositive();
                assertThat(Files.readString(world.logs.resolve("member-" + MEMBERS + ".log")))
                        .as("its log").containsIgnoringCase(UNREADABLE_LOG);
                // the fleet, whose entries the stranger replaced, keeps working too
                Fleet.assertNoFailure(fleet.round());
                assertThat(fleet.members()).allMatch(MemberProcess::isAlive);
                assertThat(stranger.isAlive()).isTrue();
            } finally {
                stranger.close();
            }
        }
    }

    /** Every member said the store went away and came back (event), once per transition. */
    private static void assertEveryMemberSawTheOutage(Fleet fleet) {
        for (MemberProcess member : fleet.members()) {
            Map<String, Long> events = Fleet.events(member);
            assertThat(events.getOrDefault("SharedStoreUnavailable", 0L)).as("%s: store unavailable", member)
                    .isPositive();
            assertThat(events.getOrDefault("SharedStoreRecovered", 0L)).as("%s: store recovered", member)
                    .isEqualTo(events.get("SharedStoreUnavailable"));
        }
    }

    private MemberSpec member(int i) {
        return world.spec(i).withRedis(redis.uri()).withIdentities(IDENTITIES);
    }

    /**
     * One round over identities {@code 0..count-1} on every member: no call fails, one creation per identity, one
     * token per identity everywhere.
     */
    private Map<Integer, String> sharedRound(Fleet fleet, int count) {
        long before = world.userCreations();
        List<RoundReport> round = fleet.round(0, count);
        Fleet.assertNoFailure(round);
        assertThat(world.userCreations() - before).as("creations in a shared round").isEqualTo(count);
        return Fleet.assertSameTokenEverywhere(round);
    }

    /** Every key in Redis and every value under it (strings, hash fields and values), SCANned. */
    private List<String> everyKeyAndValue() {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            List<String> all = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.limit(100));
                for (String key : page.getKeys()) {
                    all.add(key);
                    switch (commands.type(key)) {
                        case "string" -> all.add(commands.get(key));
                        case "hash" -> commands.hgetall(key).forEach((field, value) -> {
                            all.add(field);
                            all.add(value);
                        });
                        default -> all.add(commands.type(key) + " " + key);
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            return all;
        } finally {
            client.shutdown();
        }
    }
}
