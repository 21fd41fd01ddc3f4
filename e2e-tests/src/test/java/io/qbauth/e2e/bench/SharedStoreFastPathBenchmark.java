package io.qbauth.e2e.bench;

import io.qbauth.PooledUser;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.store.redis.AesGcmSessionCipher;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.testkit.redis.RedisServerProcess;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The hot path with the Redis store configured beside the same path without it, in one run (issue 13): a client
 * and a pooled user each, over the in-memory {@link CannedTransport}, with a fresh cached session. With the store,
 * the session was created through it (read, lease, publish on a real {@code redis-server} started here); after
 * that the fast path must never touch Redis, so each pair should measure the same:
 *
 * <ul>
 *   <li>{@code currentSession*}: read the cached session;</li>
 *   <li>{@code execute*}: a whole authenticated call minus the I/O;</li>
 *   <li>{@code pooledExecute*}: the same for a kept {@link PooledUser} handle.</li>
 * </ul>
 *
 * Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@jmh-fleet} (fork 1, 3 x 1 s warm-up, 5 x 1 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SharedStoreFastPathBenchmark {

    private RedisServerProcess redis;
    private RedisSessionStore store;
    private QbAuthClient plain;
    private QbAuthClient shared;
    private UserPool plainPool;
    private UserPool sharedPool;
    private PooledUser plainUser;
    private PooledUser sharedUser;
    private final ApiRequest request = ApiRequest.get("/users/42.json");

    @Setup
    public void startRedisAndCreateTheSessions() throws Exception {
        redis = RedisServerProcess.startStandalone();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        store = RedisSessionStore.builder().uri(redis.uri()).cipher(AesGcmSessionCipher.withKey(key)).build();
        plain = builder().build();
        shared = builder().sharedStore(store).build();
        plain.blocking().createApplicationSession();
        shared.execute(request).toCompletableFuture().join(); // its session comes through the store
        plainPool = builder().buildUserPool(UserPoolConfig.defaults());
        sharedPool = builder().sharedStore(store).buildUserPool(UserPoolConfig.defaults());
        Credentials credentials = Credentials.login("bench-user", "benchPassword");
        plainUser = plainPool.forUser("bench-user", credentials);
        sharedUser = sharedPool.forUser("bench-user", credentials);
        plainUser.blocking().mintToken(Duration.ZERO);
        sharedUser.blocking().mintToken(Duration.ZERO);
        long commandsAfterSetup = redis.commandCalls().values().stream().mapToLong(Long::longValue).sum();
        System.out.println("# Redis commands after setup: " + commandsAfterSetup);
    }

    @TearDown
    public void close() throws Exception {
        long commands = redis.commandCalls().values().stream().mapToLong(Long::longValue).sum();
        System.out.println("# Redis commands at teardown (the hot path adds none): " + commands);
        plain.close();
        shared.close();
        plainPool.close();
        sharedPool.close();
        store.close();
        redis.close();
    }

    private static QbAuth.Builder builder() {
        return QbAuth.builder().endpoint(URI.create("http://127.0.0.1:9")).allowPlainHttp(true)
                .applicationId(12345).authKey("benchKey").authSecret("benchSecret")
                .transport(new CannedTransport());
    }

    @Benchmark
    public Optional<Session> currentSessionWithoutStore() {
        return plain.currentSession();
    }

    @Benchmark
    public Optional<Session> currentSessionWithRedisStore() {
        return shared.currentSession();
    }

    @Benchmark
    public ApiResponse executeWithoutStore() {
        return plain.execute(request).toCompletableFuture().join();
    }

    @Benchmark
    public ApiResponse executeWithRedisStore() {
        return shared.execute(request).toCompletableFuture().join();
    }

    @Benchmark
    public ApiResponse pooledExecuteWithoutStore() {
        return plainUser.execute(request).toCompletableFuture().join();
    }

    @Benchmark
    public ApiResponse pooledExecuteWithRedisStore() {
        return sharedUser.execute(request).toCompletableFuture().join();
    }
}
