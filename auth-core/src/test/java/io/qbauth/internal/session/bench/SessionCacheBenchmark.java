package io.qbauth.internal.session.bench;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.domain.TransportException;
import io.qbauth.internal.session.Events;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.LiveSession;
import io.qbauth.internal.session.SessionSource;
import io.qbauth.internal.session.SingleFlightSessionCache;
import io.qbauth.config.SessionStore;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The session fast path, white-box: {@link SingleFlightSessionCache#acquire()} with a fresh session (two hours left,
 * far beyond the prefetch margin) from one and from two threads sharing the cache, {@link
 * SingleFlightSessionCache#current()}, and the public {@link QbAuthClient#currentSession()} on top of it (which
 * hands out an immutable snapshot). The system clock, as in production: its read is part of the fast path, and
 * {@code clockMillis} measures it alone for reference.
 *
 * <p>Run (fork 1, 3 x 1 s warm-up, 5 x 1 s measured, with the GC profiler for B/op):
 * {@code ./mvnw -q -pl auth-core test-compile exec:exec@jmh}; other JMH arguments with
 * {@code -Djmh.args="SessionCacheBenchmark.acquire -f 1 -i 10 -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionCacheBenchmark {

    private static final Identity APPLICATION = new Identity.Application();

    private Clock clock;
    private SingleFlightSessionCache cache;
    private QbAuthClient client;

    @Setup
    public void freshSession() {
        clock = Clock.systemUTC();
        Instant now = clock.instant();
        Session session = new Session(new SessionToken("0123456789abcdef0123456789abcdef01234567"),
                SessionKind.APPLICATION, 12345, 0, 1, now, now.plus(Duration.ofHours(2)), Session.Origin.CREATED);
        cache = new SingleFlightSessionCache(RefreshPolicy.ofDefaults(), clock, new NoSource(), new Events(List.of()),
                SessionStore.inMemory(), APPLICATION, new LiveSession(session));

        // the client adopts the stored session when it is built: no request is ever sent
        SessionStore store = SessionStore.inMemory();
        store.save(session);
        client = QbAuth.builder().endpoint(URI.create("http://127.0.0.1:9")).allowPlainHttp(true)
                .applicationId(12345).authKey("benchKey").authSecret("benchSecret").clock(clock)
                .transport(request -> CompletableFuture.failedFuture(
                        new TransportException(TransportException.Kind.CONNECT, "no network in this benchmark", null)))
                .codec(new TestCodec()).sessionStore(store).build();
        if (client.currentSession().isEmpty()) {
            throw new IllegalStateException("the client did not adopt the stored session");
        }
    }

    @TearDown
    public void close() {
        client.close();
    }

    @Benchmark
    @Threads(1)
    public CompletableFuture<LiveSession> acquire() {
        return cache.acquire();
    }

    @Benchmark
    @Threads(2)
    public CompletableFuture<LiveSession> acquireFromTwoThreads() {
        return cache.acquire();
    }

    @Benchmark
    public Optional<LiveSession> current() {
        return cache.current();
    }

    @Benchmark
    public Optional<Session> clientCurrentSession() {
        return client.currentSession();
    }

    @Benchmark
    public long clockMillis() {
        return clock.millis();
    }

    /** The fast path never creates a session; one being asked for is a broken benchmark. */
    private static final class NoSource implements SessionSource {
        @Override
        public CompletableFuture<LiveSession> create(Identity identity) {
            throw new IllegalStateException("the benchmark left the fast path");
        }

        @Override
        public void discard(LiveSession session) {
        }
    }
}
