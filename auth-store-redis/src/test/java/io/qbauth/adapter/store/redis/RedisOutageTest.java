package io.qbauth.adapter.store.redis;

import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;

import static io.qbauth.adapter.store.redis.TestSessions.await;
import static io.qbauth.adapter.store.redis.TestSessions.identity;
import static io.qbauth.adapter.store.redis.TestSessions.session;
import static io.qbauth.adapter.store.redis.TestSessions.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.Session;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.Lease;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedStoreException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis away at start and mid-run (docs/FLEET.md §11): every operation fails with a typed
 * {@link SharedStoreException} within the caller's bound, and the store works again once Redis is back.
 */
class RedisOutageTest {

    /** The bound a caller gives one store operation: the store's timeout (500 ms) plus room for a busy machine. */
    private static final long CALLER_BOUND_SECONDS = 5;

    @RegisterExtension
    final RedisServerProcess redis = new RedisServerProcess();

    private RedisSessionStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private RedisSessionStore build() {
        store = RedisSessionStore.builder().uri(redis.uri()).cipher(AesGcmSessionCipher.withKey(TestSessions.key()))
                .operationTimeout(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(50)).build();
        return store;
    }

    /** The failure of {@code stage}, which must come within the caller's bound and be a store failure. */
    private static SharedStoreException failure(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(CALLER_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SharedStoreException.class);
            return (SharedStoreException) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the store held the caller beyond its bound", e);
        }
        throw new AssertionError("the operation succeeded with Redis away");
    }

    /** Retries a read until Redis answers again (the store reconnects with back-off up to 5 s), at most 30 s. */
    private static void awaitRecovery(RedisSessionStore store, FleetIdentity id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                store.read(id).toCompletableFuture().get(CALLER_BOUND_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the store never recovered");
    }

    @Test
    void redis_down_at_start_fails_fast_with_a_typed_error_then_the_store_joins_when_it_is_up() throws Exception {
        redis.stop();
        RedisSessionStore s = build(); // building does not wait for Redis
        FleetIdentity alice = identity("alice");

        SharedStoreException e = failure(s.read(alice));
        assertThat(e.reason()).isIn(EnumSet.of(SharedStoreException.Reason.UNAVAILABLE,
                SharedStoreException.Reason.TIMEOUT));
        assertThat(failure(s.tryLease(alice, 0, Duration.ofSeconds(5))).reason())
                .isEqualTo(SharedStoreException.Reason.UNAVAILABLE);
        assertThat(s.isAvailable()).isFalse();

        redis.start();
        awaitRecovery(s, alice);

        assertThat(s.isAvailable()).isTrue();
        assertThat(await(s.tryLease(alice, 0, Duration.ofSeconds(5)))).isInstanceOf(LeaseOutcome.Granted.class);
    }

    @Test
    void redis_killed_mid_run_fails_typed_within_the_bound_then_recovers_with_its_scripts_and_subscription()
            throws Exception {
        RedisSessionStore s = build();
        FleetIdentity bob = identity("bob");
        Lease lease = ((LeaseOutcome.Granted) await(s.tryLease(bob, 0, Duration.ofSeconds(5)))).lease();
        await(s.publish(lease, session(token(), Duration.ofMinutes(30))));

        redis.kill9();

        assertThat(failure(s.read(bob)).reason()).isIn(EnumSet.of(SharedStoreException.Reason.UNAVAILABLE,
                SharedStoreException.Reason.TIMEOUT));
        assertThat(s.awaitNewer(bob, 0, Duration.ofSeconds(1)).toCompletableFuture()
                .get(CALLER_BOUND_SECONDS, TimeUnit.SECONDS)).as("a wait ends empty by its deadline").isEmpty();
        assertThat(s.isAvailable()).isFalse();

        redis.start(); // same port, empty (no persistence), no scripts loaded
        awaitRecovery(s, bob);

        assertThat(await(s.read(bob))).as("the restarted Redis lost everything").isEmpty();
        Lease again = ((LeaseOutcome.Granted) await(s.tryLease(bob, 0, Duration.ofSeconds(5)))).lease();
        Session created = session(token(), Duration.ofMinutes(30));
        assertThat(await(s.publish(again, created)).session()).isSameAs(created);
        assertThat(await(s.read(bob))).map(x -> x.session().token()).contains(created.token());
        assertThat(s.isAvailable()).isTrue();
    }

    @Test
    void redis_restarted_gracefully_mid_wait_does_not_lose_the_waiter() throws Exception {
        RedisSessionStore s = build();
        FleetIdentity cy = identity("cy");
        awaitRecovery(s, cy);
        var waiting = s.awaitNewer(cy, 0, Duration.ofSeconds(60)).toCompletableFuture();

        redis.stop();
        redis.start();
        awaitRecovery(s, cy);
        Lease lease = ((LeaseOutcome.Granted) await(s.tryLease(cy, 0, Duration.ofSeconds(5)))).lease();
        Session created = session(token(), Duration.ofMinutes(30));
        await(s.publish(lease, created));

        assertThat(await(waiting)).map(x -> x.session().token()).contains(created.token());
    }

    @Test
    void a_closed_store_fails_with_closed() throws Exception {
        RedisSessionStore s = build();
        var waiting = s.awaitNewer(identity("dee"), 0, Duration.ofSeconds(60)).toCompletableFuture();
        s.close();
        assertThat(failure(s.read(identity("dee"))).reason()).isEqualTo(SharedStoreException.Reason.CLOSED);
        assertThat(failure(waiting).reason()).isEqualTo(SharedStoreException.Reason.CLOSED);
    }

    @Test
    void the_connection_cut_between_instance_and_redis_fails_typed_then_recovers_with_the_data() throws Exception {
        try (TcpProxy proxy = new TcpProxy(redis.port())) {
            store = RedisSessionStore.builder().uri("redis://127.0.0.1:" + proxy.port())
                    .cipher(AesGcmSessionCipher.withKey(TestSessions.key()))
                    .operationTimeout(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(50)).build();
            FleetIdentity eve = identity("eve");
            Lease lease = ((LeaseOutcome.Granted) await(store.tryLease(eve, 0, Duration.ofSeconds(5)))).lease();
            Session created = session(token(), Duration.ofMinutes(30));
            await(store.publish(lease, created));

            proxy.cut();

            assertThat(failure(store.read(eve)).reason()).isIn(EnumSet.of(SharedStoreException.Reason.UNAVAILABLE,
                    SharedStoreException.Reason.TIMEOUT));
            assertThat(store.isAvailable()).isFalse();

            proxy.heal();
            awaitRecovery(store, eve);

            assertThat(await(store.read(eve))).as("Redis kept it: only the network failed")
                    .map(x -> x.session().token()).contains(created.token());
            assertThat(store.isAvailable()).isTrue();
        }
    }
}
