package io.qbauth.adapter.store.redis;

import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;

import static io.qbauth.adapter.store.redis.TestSessions.session;
import static io.qbauth.adapter.store.redis.TestSessions.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.internal.session.FleetSessionSource;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.LiveSession;
import io.qbauth.internal.session.SessionSource;
import io.qbauth.spi.FleetIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * auth-core's {@link FleetSessionSource} on a real Redis: several instances, each with its own store and its own
 * creating delegate, make one creation per identity per round; with Redis gone they create locally.
 */
class FleetSessionSourceOnRedisTest {

    @RegisterExtension
    final RedisServerProcess redis = new RedisServerProcess();

    private final byte[] key = TestSessions.key();
    private final List<RedisSessionStore> stores = new ArrayList<>();
    private final AtomicInteger creations = new AtomicInteger();
    private final AtomicInteger discards = new AtomicInteger();

    @BeforeEach
    void nothing_created_yet() {
        creations.set(0);
    }

    @AfterEach
    void close() {
        stores.forEach(RedisSessionStore::close);
    }

    /** Creates a session the way QuickBlox would, a little later, on another thread. */
    private final SessionSource quickBlox = new SessionSource() {
        @Override
        public CompletableFuture<LiveSession> create(Identity identity) {
            creations.incrementAndGet();
            return CompletableFuture.supplyAsync(
                    () -> LiveSession.received(session(token(), Duration.ofMinutes(30)), System.currentTimeMillis()),
                    CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS));
        }

        @Override
        public void discard(LiveSession session) {
            discards.incrementAndGet();
        }
    };

    private FleetSessionSource instance() {
        RedisSessionStore store = TestSessions.store(redis, key).operationTimeout(Duration.ofMillis(500)).build();
        stores.add(store);
        FleetIdentity app = FleetIdentity.derive(TestSessions.APP, TestSessions.APP_SECRET, "application");
        return new FleetSessionSource(quickBlox, store, identity -> identity instanceof Identity.Application ? app : null,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Clock.systemUTC());
    }

    private static Set<String> createEverywhere(List<FleetSessionSource> fleet, int perInstance) {
        List<CompletableFuture<LiveSession>> all = new ArrayList<>();
        for (FleetSessionSource source : fleet) {
            for (int i = 0; i < perInstance; i++) {
                all.add(CompletableFuture.supplyAsync(() -> source.create(Identity.APPLICATION))
                        .thenCompose(f -> f));
            }
        }
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        for (CompletableFuture<LiveSession> f : all) {
            tokens.add(TestSessions.await(f).token().value());
        }
        return tokens;
    }

    @Test
    void a_fleet_creates_one_session_per_round_and_every_instance_uses_it() {
        List<FleetSessionSource> fleet = List.of(instance(), instance(), instance(), instance());

        Set<String> first = createEverywhere(fleet, 4);
        assertThat(creations.get()).as("creations, first round").isEqualTo(1);
        assertThat(first).hasSize(1);

        // every instance asks again: the session it was handed is unusable for it (expired, say)
        Set<String> second = createEverywhere(fleet, 1);
        assertThat(creations.get()).as("creations after the second round").isEqualTo(2);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(discards.get()).as("no shared session is ever discarded").isZero();
    }

    @Test
    void a_new_instance_adopts_the_fleet_session_without_creating() {
        createEverywhere(List.of(instance()), 1);
        assertThat(creations.get()).isEqualTo(1);

        // one call per instance: behind the local single flight an instance never has two creations at once (a second
        // call after the first returned would be "asked again" and rightly replace the session)
        assertThat(createEverywhere(List.of(instance(), instance()), 1)).hasSize(1);
        assertThat(creations.get()).isEqualTo(1);
    }

    @Test
    void with_redis_gone_every_instance_creates_locally_and_rejoins_when_it_is_back() throws Exception {
        List<FleetSessionSource> fleet = List.of(instance(), instance());
        createEverywhere(fleet, 1);
        redis.kill9();

        Set<String> local = createEverywhere(fleet, 1);
        assertThat(local).as("each instance its own").hasSize(2);
        assertThat(creations.get()).isEqualTo(3);

        redis.start();
        for (int i = 0; i < 300 && !stores.stream().allMatch(s -> reachable(s)); i++) {
            Thread.sleep(100);
        }
        Set<String> shared = createEverywhere(fleet, 2);
        assertThat(shared).as("shared again").hasSize(1);
        assertThat(creations.get()).isEqualTo(4);
    }

    private static boolean reachable(RedisSessionStore store) {
        try {
            store.backOffRemaining(TestSessions.APP).toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
