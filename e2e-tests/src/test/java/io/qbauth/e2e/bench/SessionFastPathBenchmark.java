package io.qbauth.e2e.bench;

import io.qbauth.QbAuth;
import io.qbauth.PooledUser;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.MintedToken;
import java.time.Duration;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Session;
import java.net.URI;
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
 * The SDK's hot path with a fresh cached session, through the public API and without a network (the
 * {@link CannedTransport} answers at once):
 *
 * <ul>
 *   <li>{@code currentSession}: read the cached session (a snapshot of it);</li>
 *   <li>{@code execute}: a whole authenticated call — acquire the cached session on the fast path, build and send
 *       the request, classify the reply — minus the I/O.</li>
 * </ul>
 *
 * Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@jmh} (fork 1, 3 x 1 s warm-up, 5 x 1 s measurement).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionFastPathBenchmark {

    private QbAuthClient client;
    private ApiRequest request;
    private UserPool pool;
    private PooledUser pooled;
    private final Credentials credentials = Credentials.login("bench-user", "benchPassword");

    @Setup
    public void createClientWithOneSession() {
        client = QbAuth.builder().endpoint(URI.create("http://127.0.0.1:9")).allowPlainHttp(true)
                .applicationId(12345).authKey("benchKey").authSecret("benchSecret")
                .transport(new CannedTransport()).build();
        client.blocking().createApplicationSession();
        request = ApiRequest.get("/users/42.json");
        pool = QbAuth.builder().endpoint(URI.create("http://127.0.0.1:9")).allowPlainHttp(true)
                .applicationId(12345).authKey("benchKey").authSecret("benchSecret")
                .transport(new CannedTransport()).buildUserPool(UserPoolConfig.defaults());
        for (int i = 0; i < 10_000; i++) { // a realistic map: the identity looked up is one of many
            pool.forUser("user-" + i, Credentials.login("user" + i, "password" + i)).blocking()
                    .mintToken(Duration.ZERO);
        }
        pooled = pool.replaceUser("user-4242", credentials);
        pooled.blocking().mintToken(Duration.ZERO);
    }

    @TearDown
    public void close() {
        client.close();
        pool.close();
    }

    @Benchmark
    public Optional<Session> currentSession() {
        return client.currentSession();
    }

    @Benchmark
    public ApiResponse execute() {
        return client.execute(request).toCompletableFuture().join();
    }

    /** Pool: a kept handle's lookup of its held identity in the registry and its current session, no request. */
    @Benchmark
    public Optional<Session> poolHeldUserCurrentSession() {
        return pooled.currentSession();
    }

    /** Pool: the lookup of a held identity ({@code forUser}, lock-free) and its current session, no request. */
    @Benchmark
    public Optional<Session> poolForUserAndCurrentSession() {
        return pool.forUser("user-4242", credentials).currentSession();
    }

    /** Pool: lookup of a held identity and its session on the fast path (lease, acquire, release), no request. */
    @Benchmark
    public MintedToken poolLookupAndFastPath() {
        return pooled.mintToken(Duration.ZERO).toCompletableFuture().join();
    }

    /** Pool: the handle made per request ({@code forUser}) plus the whole authenticated call, minus the I/O. */
    @Benchmark
    public ApiResponse poolForUserAndExecute() {
        return pool.forUser("user-4242", credentials).execute(request).toCompletableFuture().join();
    }
}
