package io.qbauth.e2e.pool;

import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.PooledUser;
import io.qbauth.UserPool;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;

/**
 * Eviction under load: a pool of {@value #CAPACITY} identities, {@value #USERS} users cycling through it from
 * {@value #CALLERS} concurrent callers. Sampled all along, the pool never holds more than its bound; no call fails
 * (an evicted user is signed in again by its next call, and a call in progress is never evicted); every reply is for
 * the caller's own user.
 */
class PoolEvictionUnderLoadE2eTest {

    private static final int CAPACITY = 1_000;
    private static final int USERS = 5_000;
    private static final int CALLERS = 64;
    private static final int CALLS = Integer.getInteger("pool.evictionCalls", 4_000);

    private final QbEmulator emulator = QuickBloxFixture.emulator().journalSize(0).start();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @TransportTest
    void the_pool_never_holds_more_than_its_bound_and_no_call_fails_because_of_an_eviction(
            TransportUnderTest transport) throws Exception {
        UserPoolConfig bounds = UserPoolConfig.builder().maxIdentities(CAPACITY).build();
        try (PoolSdk sdk = PoolSdk.start(transport, emulator, bounds, UnaryOperator.identity());
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            UserPool pool = sdk.pool();
            List<PooledUser> users = IntStream.range(0, USERS).mapToObj(i -> pool.forUser("cycling-" + i,
                    Credentials.facebook(ProviderTokens.facebook("cycling-" + i)))).toList();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger mostHeld = new AtomicInteger();
            AtomicInteger samples = new AtomicInteger();
            Thread sampler = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    mostHeld.accumulateAndGet(pool.size(), Math::max);
                    samples.incrementAndGet();
                    Thread.onSpinWait();
                }
            });
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> work = IntStream.range(0, CALLERS).<Future<?>>mapToObj(c -> callers.submit(() -> {
                while (next.getAndIncrement() < CALLS) {
                    // mostly the recently active users, sometimes anyone: the pool keeps cycling
                    int user = ThreadLocalRandom.current().nextInt(10) < 7
                            ? ThreadLocalRandom.current().nextInt(CAPACITY / 2)
                            : ThreadLocalRandom.current().nextInt(USERS);
                    try {
                        Session session = users.get(user).blocking().getSession();
                        long mapped = session.userId();
                        String path = "/users/" + mapped + ".json";
                        int status = users.get(user).blocking().execute(ApiRequest.get(path)).status();
                        if (status != 200 || users.get(user).currentSession().map(Session::userId)
                                .filter(id -> id != mapped).isPresent()) {
                            failures.add(new AssertionError("user " + user + " got another user's session"));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            })).toList();
            for (Future<?> done : work) {
                done.get(180, TimeUnit.SECONDS);
            }
            running.set(false);
            sampler.join();

            assertThat(failures).isEmpty();
            assertThat(samples.get()).isGreaterThan(1_000);
            assertThat(mostHeld.get()).isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / 2);
            assertThat(pool.size()).isLessThanOrEqualTo(CAPACITY);
            assertThat(emulator.stats(APP_ID).sessionsCreated()).as("users were evicted and came back")
                    .isGreaterThan(CAPACITY);
        }
    }
}
