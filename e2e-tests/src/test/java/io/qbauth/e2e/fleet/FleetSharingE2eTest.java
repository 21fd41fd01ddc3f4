package io.qbauth.e2e.fleet;

import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.qbauth.PooledUser;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.redis.RedisServerProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sharedStore(...)} end to end: separate SDK instances in one JVM, each with its own transport and its own
 * {@code RedisSessionStore}, on one real Redis and one emulator (real HTTP): the fleet makes one creation per
 * identity (emulator counters) and every instance uses the same token; Redis holds no token, login or pool key.
 */
class FleetSharingE2eTest {

    private static final int INSTANCES = 4;
    private static final int USERS = 20;
    private static final int CALLERS = 4;

    @RegisterExtension
    final RedisServerProcess redis = new RedisServerProcess();

    private final QbEmulator emulator = QuickBloxFixture.emulator().start();
    private final List<FleetInstance> fleet = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (FleetInstance instance : fleet) {
            instance.close();
        }
        emulator.close();
    }

    private FleetInstance clientInstance() {
        FleetInstance instance = FleetInstance.client(emulator, redis.uri(), UnaryOperator.identity());
        fleet.add(instance);
        return instance;
    }

    private FleetInstance poolInstance() {
        FleetInstance instance = FleetInstance.pool(emulator, redis.uri(), UnaryOperator.identity());
        fleet.add(instance);
        return instance;
    }

    @Test
    void four_clients_each_with_its_own_store_make_one_creation_and_use_the_same_token() {
        List<FleetInstance> clients = IntStream.range(0, INSTANCES).mapToObj(i -> clientInstance()).toList();

        List<CompletableFuture<Session>> calls = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            for (FleetInstance instance : clients) {
                calls.add(instance.client().getSession().toCompletableFuture());
            }
        }
        Set<String> tokens = new HashSet<>();
        for (Session session : joinAll(calls)) {
            tokens.add(session.token().value());
        }

        assertThat(emulator.stats(APP_ID).sessionsCreated()).as("creations for the whole fleet").isEqualTo(1);
        assertThat(tokens).hasSize(1);
        for (FleetInstance instance : clients) {
            assertThat(instance.client().currentSession()).map(s -> s.token().value())
                    .contains(tokens.iterator().next());
        }
        assertNothingReadableIn(tokens, List.of(QuickBloxFixture.AUTH_SECRET));

        // the hot path: a valid session in memory is used as it is, Redis is not asked
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(redis.uri()))) {
            long idle = -commandsProcessed(connection) + commandsProcessed(connection); // the INFO itself
            long before = commandsProcessed(connection);
            List<CompletableFuture<ApiResponse>> hot = new ArrayList<>();
            for (int call = 0; call < 50; call++) {
                for (FleetInstance instance : clients) {
                    hot.add(instance.client().execute(ApiRequest.get("/session.json")).toCompletableFuture());
                }
            }
            joinAll(hot);
            assertThat(commandsProcessed(connection) - before).as("Redis commands during 200 calls, beyond INFO")
                    .isEqualTo(idle);
        } finally {
            client.shutdown();
        }
        assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(1);
    }

    @Test
    void a_user_pool_per_instance_makes_one_creation_per_user_and_every_instance_uses_its_token() {
        List<FleetInstance> pools = IntStream.range(0, INSTANCES).mapToObj(i -> poolInstance()).toList();

        List<CompletableFuture<Session>> calls = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            for (FleetInstance instance : pools) {
                for (int user = 0; user < USERS; user++) {
                    PooledUser pooled = instance.pool().forUser("app-user-" + user,
                            Credentials.facebook(ProviderTokens.facebook("fb-fleet-" + user)));
                    calls.add(pooled.getSession().toCompletableFuture());
                }
            }
        }
        List<Session> sessions = joinAll(calls);

        assertThat(emulator.stats(APP_ID).sessionsCreated()).as("creations for the whole fleet").isEqualTo(USERS);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < sessions.size(); i++) {
            int user = i % USERS;
            assertThat(sessions.get(i).token()).as("call %d, user %d", i, user).isEqualTo(sessions.get(user).token());
            assertThat(sessions.get(i).userId()).isEqualTo(sessions.get(user).userId());
            tokens.add(sessions.get(i).token().value());
        }
        assertThat(tokens).hasSize(USERS);
        List<String> secrets = new ArrayList<>(List.of(QuickBloxFixture.AUTH_SECRET));
        for (int user = 0; user < USERS; user++) {
            secrets.add("app-user-" + user);
            secrets.add(ProviderTokens.facebook("fb-fleet-" + user));
        }
        assertNothingReadableIn(tokens, secrets);
    }

    /** Redis's own count of the commands it processed. */
    private static long commandsProcessed(StatefulRedisConnection<String, String> connection) {
        return connection.sync().info("stats").lines().filter(line -> line.startsWith("total_commands_processed:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst()
                .orElseThrow();
    }

    @Test
    void a_pooled_user_destroyed_on_one_instance_is_gone_from_redis_and_the_fleet_shares_its_next_session() {
        FleetInstance first = poolInstance();
        FleetInstance second = poolInstance();
        Credentials credentials = Credentials.facebook(ProviderTokens.facebook("fb-fleet-destroyed"));
        Session shared = first.pool().forUser("app-user-d", credentials).getSession().toCompletableFuture().join();
        assertThat(second.pool().forUser("app-user-d", credentials).getSession().toCompletableFuture().join().token())
                .isEqualTo(shared.token());

        first.pool().forUser("app-user-d", credentials).destroySession().toCompletableFuture().join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // the deletion is fire-and-forget: a bound
        while (storedSessions() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(storedSessions()).as("the destroyed session left Redis").isZero();

        // the second instance still holds it: 401, one re-creation, published for the fleet
        String own = "/users/" + shared.userId() + ".json";
        assertThat(second.pool().forUser("app-user-d", credentials).execute(ApiRequest.get(own))
                .toCompletableFuture().join().status()).isEqualTo(200);
        Session next = poolInstance().pool().forUser("app-user-d", credentials).getSession().toCompletableFuture()
                .join();
        assertThat(next.token()).isNotEqualTo(shared.token());
        assertThat(second.pool().forUser("app-user-d", credentials).currentSession()).map(Session::token)
                .contains(next.token());
        assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(2);
    }

    private long storedSessions() {
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(redis.uri()))) {
            return connection.sync().scan(ScanArgs.Builder.matches("qbauth:*:s").limit(1000)).getKeys().size();
        } finally {
            client.shutdown();
        }
    }

    /** Scans every key and value in Redis: none holds a token, a secret, a pool key or a provider token. */
    private void assertNothingReadableIn(Set<String> tokens, List<String> secrets) {
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(redis.uri()))) {
            RedisCommands<String, String> redisCommands = connection.sync();
            List<String> everything = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redisCommands.scan(cursor, ScanArgs.Builder.limit(500));
                for (String key : page.getKeys()) {
                    everything.add(key);
                    switch (redisCommands.type(key)) {
                        case "hash" -> redisCommands.hgetall(key).forEach((field, value) -> {
                            everything.add(field);
                            everything.add(value);
                        });
                        case "string" -> everything.add(redisCommands.get(key));
                        default -> { }
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            assertThat(everything).as("Redis holds the fleet's sessions").isNotEmpty();
            for (String stored : everything) {
                for (String token : tokens) {
                    assertThat(stored).doesNotContain(token);
                }
                for (String secret : secrets) {
                    assertThat(stored).doesNotContain(secret);
                }
            }
        } finally {
            client.shutdown();
        }
    }

    static <T> List<T> joinAll(List<CompletableFuture<T>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
