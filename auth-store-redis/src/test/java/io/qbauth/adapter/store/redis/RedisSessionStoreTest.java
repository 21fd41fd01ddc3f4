package io.qbauth.adapter.store.redis;

import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;

import static io.qbauth.adapter.store.redis.TestSessions.await;
import static io.qbauth.adapter.store.redis.TestSessions.identity;
import static io.qbauth.adapter.store.redis.TestSessions.session;
import static io.qbauth.adapter.store.redis.TestSessions.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.qbauth.domain.Session;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.Lease;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's semantics on a real redis-server; several store instances stand for a fleet. */
class RedisSessionStoreTest {

    @RegisterExtension
    static final RedisServerProcess REDIS = new RedisServerProcess();

    private final byte[] key = TestSessions.key();
    private final List<RedisSessionStore> stores = new ArrayList<>();

    @BeforeEach
    void empty_redis() throws Exception {
        assertThat(REDIS.command("FLUSHALL")).isEqualTo("+OK");
    }

    @AfterEach
    void close_stores() {
        stores.forEach(RedisSessionStore::close);
    }

    private RedisSessionStore store() {
        return keep(TestSessions.store(REDIS, key).build());
    }

    private RedisSessionStore keep(RedisSessionStore store) {
        stores.add(store);
        return store;
    }

    private static Lease granted(RedisSessionStore store, FleetIdentity id, Duration ttl) {
        LeaseOutcome outcome = await(store.tryLease(id, known(store, id), ttl));
        assertThat(outcome).isInstanceOf(LeaseOutcome.Granted.class);
        return ((LeaseOutcome.Granted) outcome).lease();
    }

    /** The generation of the session {@code store} reads for {@code id}, 0 for none. */
    private static long known(RedisSessionStore store, FleetIdentity id) {
        return await(store.read(id)).map(SharedSession::generation).orElse(0L);
    }

    /** Tries the lease until it is granted (the previous one expires), at most 200 times 20 ms. */
    private static Lease grantedOnceExpired(RedisSessionStore store, FleetIdentity id, Duration ttl)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (await(store.tryLease(id, known(store, id), ttl)) instanceof LeaseOutcome.Granted g) {
                return g.lease();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the lease never expired");
    }

    @Test
    void nothing_stored_reads_empty() {
        assertThat(await(store().read(identity("alice")))).isEmpty();
    }

    @Test
    void a_published_session_is_read_by_another_instance_with_the_stored_lifetime() {
        RedisSessionStore a = store();
        RedisSessionStore b = store();
        FleetIdentity alice = identity("alice");
        Lease lease = granted(a, alice, Duration.ofSeconds(5));
        Session created = session(token(), Duration.ofMinutes(30));

        SharedSession published = await(a.publish(lease, created));
        SharedSession read = await(b.read(alice)).orElseThrow();

        assertThat(published.generation()).isEqualTo(lease.generation());
        assertThat(published.session()).isSameAs(created);
        assertThat(read.generation()).isEqualTo(lease.generation());
        assertThat(read.session().token()).isEqualTo(created.token());
        assertThat(read.session().userId()).isEqualTo(77);
        assertThat(read.session().sessionId()).isEqualTo(9001);
        assertThat(read.session().origin()).isEqualTo(Session.Origin.ADOPTED);
        assertThat(read.session().expiresAt()).isBetween(created.expiresAt().minusSeconds(5),
                created.expiresAt().plusSeconds(1));
        assertThat(await(b.tryLease(alice, lease.generation(), Duration.ofSeconds(5))))
                .as("the publish released the lease").isInstanceOf(LeaseOutcome.Granted.class);
    }

    @Test
    void exactly_one_lease_winner_among_many_contenders_on_several_instances() throws Exception {
        List<RedisSessionStore> fleet = List.of(store(), store(), store(), store());
        FleetIdentity bob = identity("bob");
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LeaseOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                RedisSessionStore store = fleet.get(i % fleet.size());
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return await(store.tryLease(bob, 0, Duration.ofSeconds(30)));
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<LeaseOutcome> outcome : outcomes) {
                LeaseOutcome o = outcome.get();
                if (o instanceof LeaseOutcome.Granted) {
                    granted++;
                } else {
                    assertThat(((LeaseOutcome.Held) o).remaining()).isPositive();
                }
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_late_lease_holder_with_an_older_generation_cannot_overwrite_a_newer_session() throws Exception {
        RedisSessionStore slow = store();
        RedisSessionStore fast = store();
        FleetIdentity carol = identity("carol");
        Lease old = granted(slow, carol, Duration.ofMillis(100));
        Lease newer = grantedOnceExpired(fast, carol, Duration.ofSeconds(5));
        assertThat(newer.generation()).isGreaterThan(old.generation());
        Session fresh = session(token(), Duration.ofMinutes(30));
        await(fast.publish(newer, fresh));

        SharedSession outcome = await(slow.publish(old, session(token(), Duration.ofMinutes(30))));

        assertThat(outcome.generation()).as("the newer session won").isEqualTo(newer.generation());
        assertThat(outcome.session().token()).isEqualTo(fresh.token());
        assertThat(await(slow.read(carol)).orElseThrow().session().token()).isEqualTo(fresh.token());
    }

    @Test
    void an_early_publication_is_replaced_by_a_newer_generation() throws Exception {
        RedisSessionStore a = store();
        RedisSessionStore b = store();
        FleetIdentity dan = identity("dan");
        Lease first = granted(a, dan, Duration.ofMillis(100));
        Lease second = grantedOnceExpired(b, dan, Duration.ofSeconds(5));
        await(a.publish(first, session(token(), Duration.ofMinutes(30))));
        Session newest = session(token(), Duration.ofMinutes(30));

        SharedSession outcome = await(b.publish(second, newest));

        assertThat(outcome.session()).isSameAs(newest);
        assertThat(await(a.read(dan)).orElseThrow().generation()).isEqualTo(second.generation());
    }

    @Test
    void an_expired_lease_lets_another_instance_take_over() throws Exception {
        RedisSessionStore a = store();
        RedisSessionStore b = store();
        FleetIdentity erin = identity("erin");
        Lease first = granted(a, erin, Duration.ofMillis(150));
        assertThat(await(b.tryLease(erin, 0, Duration.ofSeconds(5)))).isInstanceOf(LeaseOutcome.Held.class);

        Lease takeover = grantedOnceExpired(b, erin, Duration.ofSeconds(5));

        assertThat(takeover.generation()).isGreaterThan(first.generation());
        await(a.release(first)); // a late release by the old holder must not free the new holder's lease
        assertThat(await(a.tryLease(erin, 0, Duration.ofSeconds(5)))).isInstanceOf(LeaseOutcome.Held.class);
    }

    @Test
    void a_caller_that_read_before_a_publication_adopts_it_instead_of_leasing() {
        RedisSessionStore a = store();
        RedisSessionStore late = store();
        FleetIdentity nia = identity("nia");
        long knownByLate = known(late, nia); // nothing yet
        Session published = session(token(), Duration.ofMinutes(30));
        await(a.publish(granted(a, nia, Duration.ofSeconds(5)), published));

        LeaseOutcome outcome = await(late.tryLease(nia, knownByLate, Duration.ofSeconds(5)));

        assertThat(outcome).isInstanceOf(LeaseOutcome.Newer.class);
        assertThat(((LeaseOutcome.Newer) outcome).current().session().token()).isEqualTo(published.token());
        assertThat(await(late.tryLease(nia, ((LeaseOutcome.Newer) outcome).current().generation(),
                Duration.ofSeconds(5)))).as("knowing it, and finding it unusable: the lease").isInstanceOf(
                LeaseOutcome.Granted.class);
    }

    @Test
    void a_released_lease_is_free_at_once() {
        RedisSessionStore a = store();
        RedisSessionStore b = store();
        FleetIdentity fay = identity("fay");
        Lease lease = granted(a, fay, Duration.ofMinutes(1));

        await(a.release(lease));

        assertThat(await(b.tryLease(fay, 0, Duration.ofMinutes(1)))).isInstanceOf(LeaseOutcome.Granted.class);
    }

    @Test
    void a_held_lease_reports_the_stored_session() {
        RedisSessionStore a = store();
        FleetIdentity gus = identity("gus");
        Session first = session(token(), Duration.ofMinutes(30));
        await(a.publish(granted(a, gus, Duration.ofSeconds(5)), first));
        granted(a, gus, Duration.ofSeconds(30));

        LeaseOutcome.Held held = (LeaseOutcome.Held) await(store().tryLease(gus, 1, Duration.ofSeconds(5)));

        assertThat(held.current().orElseThrow().session().token()).isEqualTo(first.token());
        assertThat(held.remaining()).isPositive();
    }

    @Test
    void a_waiter_is_woken_by_the_publication_message() {
        // polling every 10 minutes: only the pub/sub message can end this wait before its 30 s deadline
        RedisSessionStore waiter = keep(TestSessions.store(REDIS, key).pollInterval(Duration.ofMinutes(10)).build());
        RedisSessionStore creator = store();
        FleetIdentity hal = identity("hal");
        awaitSubscribed(waiter, creator);
        Lease lease = granted(creator, hal, Duration.ofSeconds(5));

        var waiting = waiter.awaitNewer(hal, 0, Duration.ofSeconds(30)).toCompletableFuture();
        Session created = session(token(), Duration.ofMinutes(30));
        await(creator.publish(lease, created));

        assertThat(await(waiting)).map(s -> s.session().token()).contains(created.token());
    }

    @Test
    void a_waiter_whose_message_is_lost_is_woken_by_polling() {
        RedisSessionStore waiter = keep(TestSessions.store(REDIS, key).notifications(false)
                .pollInterval(Duration.ofMillis(50)).build());
        RedisSessionStore creator = store();
        FleetIdentity ivy = identity("ivy");
        Lease lease = granted(creator, ivy, Duration.ofSeconds(5));

        var waiting = waiter.awaitNewer(ivy, 0, Duration.ofSeconds(30)).toCompletableFuture();
        Session created = session(token(), Duration.ofMinutes(30));
        await(creator.publish(lease, created));

        assertThat(await(waiting)).map(s -> s.session().token()).contains(created.token());
    }

    @Test
    void a_waiter_finds_a_session_published_before_it_waited_and_ignores_older_ones() {
        RedisSessionStore a = store();
        FleetIdentity jo = identity("jo");
        Lease lease = granted(a, jo, Duration.ofSeconds(5));
        await(a.publish(lease, session(token(), Duration.ofMinutes(30))));
        RedisSessionStore waiter = keep(TestSessions.store(REDIS, key).pollInterval(Duration.ofMinutes(10)).build());

        assertThat(await(waiter.awaitNewer(jo, 0, Duration.ofSeconds(30)))).isPresent();
        assertThat(await(waiter.awaitNewer(jo, lease.generation(), Duration.ofMillis(200))))
                .as("nothing newer than the known generation: empty at the deadline").isEmpty();
    }

    @Test
    void a_401_invalidates_only_the_same_session() throws Exception {
        RedisSessionStore a = store();
        RedisSessionStore b = store();
        FleetIdentity kim = identity("kim");
        SharedSession old = await(a.publish(granted(a, kim, Duration.ofSeconds(5)),
                session(token(), Duration.ofMinutes(30))));
        SharedSession current = await(b.publish(granted(b, kim, Duration.ofSeconds(5)),
                session(token(), Duration.ofMinutes(30))));
        SharedSession sameGenerationOtherToken = new SharedSession(session(token(), Duration.ofMinutes(30)),
                current.generation());

        assertThat(await(a.invalidate(kim, old))).as("an older session").isFalse();
        assertThat(await(a.invalidate(kim, sameGenerationOtherToken))).as("another token").isFalse();
        assertThat(await(a.read(kim))).map(s -> s.session().token()).contains(current.session().token());

        assertThat(await(a.invalidate(kim, current))).isTrue();
        assertThat(await(b.read(kim))).isEmpty();
        assertThat(await(b.invalidate(kim, current))).as("already gone").isFalse();
    }

    @Test
    void the_sliding_expiry_lengthens_the_stored_lifetime_and_never_shortens_it() throws Exception {
        RedisSessionStore a = store();
        FleetIdentity lou = identity("lou");
        SharedSession published = await(a.publish(granted(a, lou, Duration.ofSeconds(5)),
                session(token(), Duration.ofMinutes(1))));

        assertThat(await(a.extend(lou, published, java.time.Instant.now().plus(Duration.ofMinutes(10))))).isTrue();
        assertThat(Long.parseLong(REDIS.command("PTTL " + new FleetKeys("qbauth", lou).session).substring(1)))
                .isGreaterThan(Duration.ofMinutes(9).toMillis());
        assertThat(await(a.extend(lou, published, java.time.Instant.now().plus(Duration.ofMinutes(2))))).isFalse();
        SharedSession other = new SharedSession(session(token(), Duration.ofMinutes(1)), published.generation());
        assertThat(await(a.extend(lou, other, java.time.Instant.now().plus(Duration.ofHours(1))))).isFalse();
        assertThat(await(a.read(lou)).orElseThrow().session().expiresAt())
                .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(9)));
    }

    @Test
    void a_429_back_off_is_seen_by_every_instance_and_only_lengthened() {
        RedisSessionStore a = store();
        RedisSessionStore b = store();
        assertThat(await(b.backOffRemaining(TestSessions.APP))).isZero();

        await(a.backOff(TestSessions.APP, Duration.ofSeconds(30)));
        await(a.backOff(TestSessions.APP, Duration.ofSeconds(1)));

        assertThat(await(b.backOffRemaining(TestSessions.APP))).isGreaterThan(Duration.ofSeconds(20));
        assertThat(await(b.backOffRemaining(TestSessions.APP + 1))).isZero();
    }

    @Test
    void a_simulated_fleet_creates_one_session_per_identity_and_every_member_uses_it() throws Exception {
        List<FleetMember> fleet = List.of(new FleetMember(store(), Duration.ofSeconds(5)),
                new FleetMember(store(), Duration.ofSeconds(5)), new FleetMember(store(), Duration.ofSeconds(5)),
                new FleetMember(store(), Duration.ofSeconds(5)));
        List<FleetIdentity> identities = List.of(identity("u1"), identity("u2"), identity("u3"), identity("u4"),
                identity("u5"), identity("u6"));
        Map<FleetIdentity, AtomicInteger> creations = new ConcurrentHashMap<>();
        Map<FleetIdentity, Set<String>> tokens = new ConcurrentHashMap<>();
        int callers = 48;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                FleetMember member = fleet.get(i % fleet.size());
                FleetIdentity id = identities.get(i % identities.size());
                done.add(pool.submit(() -> {
                    start.await();
                    Session s = member.obtain(id, () -> {
                        creations.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        try {
                            Thread.sleep(30); // QuickBlox's answer takes a while: the others must wait, not create
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return session(token(), Duration.ofMinutes(30));
                    });
                    tokens.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(s.token().value());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(creations.keySet()).containsExactlyInAnyOrderElementsOf(identities);
        creations.values().forEach(n -> assertThat(n.get()).as("creations per identity").isEqualTo(1));
        tokens.values().forEach(t -> assertThat(t).as("tokens per identity").hasSize(1));
    }

    @Test
    void redis_holds_no_token_and_no_login_in_clear() {
        RedisSessionStore a = store();
        List<String> secrets = new ArrayList<>();
        for (String login : List.of("alice@example.com", "bob@example.com", "carol@example.com")) {
            FleetIdentity id = identity(login);
            String token = token();
            secrets.add(login);
            secrets.add(token);
            Lease lease = granted(a, id, Duration.ofSeconds(5));
            SharedSession published = await(a.publish(lease, session(token, Duration.ofMinutes(30))));
            await(a.extend(id, published, java.time.Instant.now().plus(Duration.ofHours(1))));
            granted(a, id, Duration.ofSeconds(30)); // a lease key stays, too
        }
        await(a.backOff(TestSessions.APP, Duration.ofSeconds(30)));

        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> raw = TestSessions.raw(client, REDIS)) {
            RedisCommands<String, String> redis = raw.sync();
            List<String> everything = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            int keys = 0;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(100));
                for (String k : page.getKeys()) {
                    keys++;
                    everything.add(k);
                    switch (redis.type(k)) {
                        case "string" -> everything.add(redis.get(k));
                        case "hash" -> redis.hgetall(k).forEach((f, v) -> {
                            everything.add(f);
                            everything.add(v);
                        });
                        default -> throw new AssertionError("unexpected key type " + redis.type(k) + " of " + k);
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());

            assertThat(keys).as("3 sessions, 3 leases, 3 counters, 1 back-off").isEqualTo(10);
            for (String value : everything) {
                for (String secret : secrets) {
                    assertThat(value).doesNotContainIgnoringCase(secret);
                    assertThat(value).doesNotContain(secret.substring(0, 12));
                }
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void an_entry_sealed_with_another_key_is_absent_and_replaced_without_crashing() {
        RedisSessionStore keyOne = store();
        RedisSessionStore keyTwo = keep(TestSessions.store(REDIS, TestSessions.key()).build());
        FleetIdentity max = identity("max");
        await(keyOne.publish(granted(keyOne, max, Duration.ofSeconds(5)), session(token(), Duration.ofMinutes(30))));

        assertThat(await(keyTwo.read(max))).isEmpty();
        assertThat(keyTwo.unreadableEntries()).isEqualTo(1);

        Lease lease = granted(keyTwo, max, Duration.ofSeconds(5));
        Session mine = session(token(), Duration.ofMinutes(30));
        assertThat(await(keyTwo.publish(lease, mine)).session()).isSameAs(mine);
        assertThat(await(keyTwo.read(max))).map(s -> s.session().token()).contains(mine.token());
        assertThat(await(keyOne.read(max))).as("now the other half cannot read it").isEmpty();
    }

    @Test
    void bad_arguments_fail_the_stage_with_a_typed_error() {
        RedisSessionStore a = store();
        assertThat(a.read(null).toCompletableFuture()).isCompletedExceptionally();
        assertThat(a.tryLease(identity("x"), 0, Duration.ZERO).toCompletableFuture()).isCompletedExceptionally();
        assertThat(a.tryLease(identity("x"), -1, Duration.ofSeconds(1)).toCompletableFuture())
                .isCompletedExceptionally();
        assertThat(a.backOff(0, Duration.ofSeconds(1)).toCompletableFuture()).isCompletedExceptionally();
        assertThat(a.extend(identity("x"), new SharedSession(session(token(), Duration.ofMinutes(1)), 1),
                java.time.Instant.now().minusSeconds(1)).toCompletableFuture().join()).isFalse();
    }

    /** Publishes on a probe identity until the waiter's subscription delivers it: the pub/sub link is up. */
    private static void awaitSubscribed(RedisSessionStore waiter, RedisSessionStore creator) {
        FleetIdentity probe = identity("probe-" + token());
        for (int i = 0; i < 100; i++) {
            var waiting = waiter.awaitNewer(probe, 0, Duration.ofMillis(300)).toCompletableFuture();
            Lease lease = granted(creator, probe, Duration.ofSeconds(5));
            await(creator.publish(lease, session(token(), Duration.ofMinutes(1))));
            Optional<SharedSession> seen = await(waiting);
            if (seen.isPresent()) {
                return;
            }
            await(creator.invalidate(probe, await(creator.read(probe)).orElseThrow()));
        }
        throw new AssertionError("the pub/sub subscription never came up");
    }
}
