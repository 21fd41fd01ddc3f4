package io.qbauth.e2e.fleet;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.Session;
import io.qbauth.e2e.secrets.LogCapture;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.SharedStoreRecovered;
import io.qbauth.event.AuthEvent.SharedStoreUnavailable;
import io.qbauth.spi.AuthTransport;
import io.qbauth.testkit.TestClock;
import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fleet sharing sessions through {@code sharedStore(...)} when things go wrong, end to end (real Redis, emulator
 * over real HTTP, four client instances in one JVM): a 401 everywhere converges on one new session; the sliding
 * expiry lengthens the stored session; a 429 makes the whole fleet back off; Redis down at start, restarted mid-run
 * or cut by a TCP proxy — every call succeeds locally, the event and the gauge say so, and once Redis is back the
 * fleet converges on one creation per identity again.
 */
class FleetRecoveryE2eTest {

    private static final int INSTANCES = 4;
    private static final int CALLERS = 4;
    /** A bound on how long the fleet may take to notice something: never a timing assertion. */
    private static final long PATIENCE_MILLIS = 30_000;

    @RegisterExtension
    final RedisServerProcess redis = new RedisServerProcess();

    private final TestClock clock = TestClock.followingSystem();
    private final QbEmulator emulator = QuickBloxFixture.emulator().clock(clock).start();
    private final List<FleetInstance> fleet = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() throws Exception {
        for (FleetInstance instance : fleet) {
            instance.close();
        }
        for (AutoCloseable other : others) {
            other.close();
        }
        emulator.close();
    }

    /** Four client instances on {@code redisUri}; the first one's meters go to {@link #registry}. */
    private List<FleetInstance> clients(String redisUri) {
        for (int i = 0; i < INSTANCES; i++) {
            UnaryOperator<io.qbauth.QbAuth.Builder> customize = i == 0
                    ? builder -> QbAuthMetrics.instrument(builder.clock(clock), registry)
                    : builder -> builder.clock(clock);
            fleet.add(FleetInstance.client(emulator, redisUri, customize));
        }
        return fleet;
    }

    @Test
    void a_401_on_every_instance_converges_on_one_new_session() {
        String userPath = "/users/" + aliceId() + ".json";
        List<FleetInstance> clients = clients(redis.uri());
        String first = sameTokenEverywhere(callEverywhere(clients, userPath));
        long created = emulator.stats(APP_ID).sessionsCreated();

        emulator.restart(); // every session forgotten: every token gets 401 "Required session does not exist"
        String second = sameTokenEverywhere(callEverywhere(clients, userPath));

        assertThat(second).isNotEqualTo(first);
        assertThat(emulator.stats(APP_ID).sessionsCreated() - created).as("re-creations for the fleet").isEqualTo(1);
    }

    @Test
    void the_sliding_expiry_lengthens_the_stored_session_at_most_once_a_minute() throws Exception {
        List<FleetInstance> clients = clients(redis.uri());
        String userPath = "/users/" + aliceId() + ".json";
        callEverywhere(clients, userPath);
        long stored = storedSessionTtlMillis();
        assertThat(stored).isPositive().isLessThanOrEqualTo(QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.toMillis());

        clock.advance(Duration.ofSeconds(30)); // every reply slides the expiry, but within the first minute
        callEverywhere(clients, userPath);
        assertThat(storedSessionTtlMillis()).as("not lengthened within the minute").isLessThanOrEqualTo(stored);

        clock.advance(Duration.ofSeconds(31));
        callEverywhere(clients, userPath);
        eventually(() -> storedSessionTtlMillis() > QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.toMillis(),
                "the stored session lengthened past its first lifetime");
        assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(1);
    }

    @Test
    void a_429_makes_the_whole_fleet_back_off_then_one_creation_serves_it() {
        List<FleetInstance> clients = clients(redis.uri());
        emulator.faults().set(Fault.rateLimited(Duration.ofSeconds(4)).on("POST", "/session.json").times(1));

        Throwable first = failure(() -> clients.get(0).client().getSession());
        long requestsBefore = emulator.stats(APP_ID).requests();
        Throwable second = failure(() -> clients.get(1).client().getSession());

        assertThat(first).isInstanceOf(RateLimitedException.class);
        assertThat(second).as("another instance honours the fleet-wide back-off")
                .isInstanceOf(RateLimitedException.class);
        assertThat(emulator.stats(APP_ID).requests()).as("nothing sent during the back-off").isEqualTo(requestsBefore);
        assertThat(emulator.stats(APP_ID).sessionsCreated()).isZero();

        eventually(() -> {
            try {
                callEverywhere(clients.subList(2, 4), "/session.json");
                return true;
            } catch (CompletionException stillBackingOff) {
                return false;
            }
        }, "the fleet creates again once Retry-After has passed");
        assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(1);
    }

    @Test
    void redis_down_at_start_every_call_succeeds_locally_and_the_fleet_converges_when_it_is_back() throws Exception {
        redis.stop();
        String userPath = "/users/" + aliceId() + ".json";
        List<FleetInstance> clients = clients(redis.uri());

        callEverywhere(clients, userPath);
        assertThat(emulator.stats(APP_ID).sessionsCreated()).as("one local creation per instance")
                .isEqualTo(INSTANCES);
        for (FleetInstance instance : clients) {
            eventually(() -> heard(instance, SharedStoreUnavailable.class) == 1, "the outage said once");
        }
        assertThat(registry.get(QbAuthMetrics.STORE_AVAILABLE).gauge().value()).isZero();

        redis.start();
        convergesAfterRecovery(clients, userPath);
    }

    @Test
    void redis_restarted_mid_run_calls_keep_succeeding_and_the_fleet_converges_again() throws Exception {
        outageMidRun(redis.uri(), redis::stop, redis::start);
    }

    @Test
    void redis_cut_by_a_proxy_calls_keep_succeeding_and_the_fleet_converges_when_it_heals() throws Exception {
        TcpProxy proxy = new TcpProxy(redis.port());
        others.add(proxy);
        outageMidRun("redis://127.0.0.1:" + proxy.port(), proxy::cut, proxy::heal);
    }

    /** The fleet on {@code redisUri} shares a session; Redis goes ({@code down}) and a 401 hits everywhere; back. */
    private void outageMidRun(String redisUri, Step down, Step up) throws Exception {
        String userPath = "/users/" + aliceId() + ".json";
        List<FleetInstance> clients = clients(redisUri);
        Set<String> tokens = new HashSet<>();
        try (LogCapture logs = LogCapture.install()) {
            tokens.add(sameTokenEverywhere(callEverywhere(clients, userPath)));

            down.run();
            emulator.restart(); // the fleet must re-create while Redis is away
            callEverywhere(clients, userPath);
            for (FleetInstance instance : clients) {
                eventually(() -> heard(instance, SharedStoreUnavailable.class) == 1, "the outage said once");
                instance.client().currentSession().ifPresent(s -> tokens.add(s.token().value()));
            }
            assertThat(registry.get(QbAuthMetrics.STORE_AVAILABLE).gauge().value()).isZero();

            up.run();
            tokens.add(convergesAfterRecovery(clients, userPath));
            assertNoSecretIn(logs.records(), tokens);
            for (FleetInstance instance : clients) {
                assertNoSecretIn(instance.heard().stream().map(Object::toString).toList(), tokens);
            }
        }
    }

    /** No token, auth secret or login in {@code texts} (log records, events). */
    private static void assertNoSecretIn(List<String> texts, Set<String> tokens) {
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            for (String token : tokens) {
                assertThat(text).doesNotContain(token);
            }
            assertThat(text).doesNotContain(QuickBloxFixture.AUTH_SECRET).doesNotContain(ALICE_PASSWORD);
        }
    }

    /** A step that may fail with a checked exception (stopping or starting Redis). */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Once every store reaches Redis again, a 401 everywhere makes one creation for the whole fleet, every instance
     * uses its token (returned), and the recovery was said once per instance.
     */
    private String convergesAfterRecovery(List<FleetInstance> clients, String userPath) {
        for (FleetInstance instance : clients) {
            eventually(() -> reachable(instance.store), "the store reaches Redis again");
        }
        long created = emulator.stats(APP_ID).sessionsCreated();
        emulator.restart();
        String token = sameTokenEverywhere(callEverywhere(clients, userPath));
        assertThat(emulator.stats(APP_ID).sessionsCreated() - created).as("creations after recovery").isEqualTo(1);
        for (FleetInstance instance : clients) {
            eventually(() -> heard(instance, SharedStoreRecovered.class) == 1, "the recovery said once");
            assertThat(heard(instance, SharedStoreUnavailable.class)).isEqualTo(1);
        }
        assertThat(registry.get(QbAuthMetrics.STORE_AVAILABLE).gauge().value()).isEqualTo(1);
        return token;
    }

    /** CALLERS concurrent calls of {@code path} on every instance; all must succeed. */
    private static List<ApiResponse> callEverywhere(List<FleetInstance> clients, String path) {
        List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            for (FleetInstance instance : clients) {
                calls.add(instance.client().execute(ApiRequest.get(path)).toCompletableFuture());
            }
        }
        List<ApiResponse> responses = FleetSharingE2eTest.joinAll(calls);
        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        return responses;
    }

    /** The one token every instance holds now. */
    private String sameTokenEverywhere(List<ApiResponse> ignored) {
        Set<String> tokens = new HashSet<>();
        for (FleetInstance instance : fleet) {
            tokens.add(instance.client().currentSession().map(s -> s.token().value()).orElseThrow());
        }
        assertThat(tokens).as("tokens across the fleet").hasSize(1);
        return tokens.iterator().next();
    }

    /** Alice's user id, read with a client outside the fleet (its session is not counted afterwards). */
    private long aliceId() {
        AuthTransport transport = JdkAuthTransport.create(io.qbauth.config.TransportConfig.defaults());
        others.add(transport);
        try (QbAuthClient outsider = QuickBloxFixture.client(emulator, transport).clock(clock).build()) {
            long id = outsider.blocking().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).id();
            emulator.resetStats();
            return id;
        }
    }

    private long storedSessionTtlMillis() {
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(redis.uri()))) {
            List<String> keys = connection.sync().scan(ScanArgs.Builder.matches("qbauth:*:s")).getKeys();
            assertThat(keys).as("one stored session").hasSize(1);
            return connection.sync().pttl(keys.get(0));
        } finally {
            client.shutdown();
        }
    }

    private static boolean reachable(RedisSessionStore store) {
        try {
            store.backOffRemaining(APP_ID).toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static long heard(FleetInstance instance, Class<? extends AuthEvent> type) {
        return instance.heard().stream().filter(type::isInstance).count();
    }

    private static Throwable failure(Supplier<java.util.concurrent.CompletionStage<Session>> call) {
        try {
            call.get().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (bounded) until {@code condition} holds; fails naming {@code what} if it never does. */
    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
