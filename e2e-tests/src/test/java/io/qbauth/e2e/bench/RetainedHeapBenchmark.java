package io.qbauth.e2e.bench;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.Credentials;
import java.time.Duration;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Retained heap per client, measured as the growth of the used heap after full GCs while {@code N} instances are
 * held, divided by {@code N}:
 *
 * <ul>
 *   <li>a client holding one application session, on a shared in-memory transport (the SDK's own footprint);</li>
 *   <li>a {@link JdkAuthTransport} that owns its {@code HttpClient} (what a client that discovered its transport
 *       holds in addition);</li>
 *   <li>a {@link UserPool} identity with a live user session, at 100 000 identities in one pool
 *       ({@code -Dbench.poolIdentities=}).</li>
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@heap}.
 */
public final class RetainedHeapBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedHeapBenchmark() {
    }

    public static void main(String[] args) {
        AuthTransport shared = new CannedTransport();
        IntFunction<Object> clientWithSession = i -> {
            QbAuthClient client = QbAuth.builder().endpoint(URI.create("http://127.0.0.1:9")).allowPlainHttp(true)
                    .applicationId(12345).authKey("benchKey").authSecret("benchSecret").transport(shared).build();
            client.blocking().createApplicationSession();
            return client;
        };
        IntFunction<Object> jdkTransport = i -> JdkAuthTransport.create(TransportConfig.defaults());

        measure("client with one session (shared transport)", 5_000, clientWithSession);
        measure("JdkAuthTransport owning its HttpClient (idle)", 1_000, jdkTransport);
        measurePool(shared, Integer.getInteger("bench.poolIdentities", 100_000));
    }

    /**
     * A {@link UserPool} identity with a live user session: key, credentials, entry, session cache, executor, session
     * and token, all counted, at {@code count} identities in one pool.
     */
    private static void measurePool(AuthTransport shared, int count) {
        try (UserPool pool = QbAuth.builder().endpoint(URI.create("http://127.0.0.1:9")).allowPlainHttp(true)
                .applicationId(12345).authKey("benchKey").authSecret("benchSecret").transport(shared)
                .buildUserPool(UserPoolConfig.builder().maxIdentities(count + 1_000).build())) {
            for (int i = 0; i < 1_000; i++) { // warm-up identities, held before the measurement starts
                pool.forUser("warm-" + i, Credentials.login("warm" + i, "password" + i)).blocking()
                        .mintToken(Duration.ZERO);
            }
            long before = usedAfterGc();
            for (int i = 0; i < count; i++) {
                pool.forUser(Integer.toString(1_000_000 + i), Credentials.login("user" + i, "password" + i))
                        .blocking().mintToken(Duration.ZERO);
            }
            long after = usedAfterGc();
            System.out.printf("%-45s %,8d bytes each (%,d identities; token alone ~%d bytes)%n",
                    "UserPool identity with one user session", (after - before) / count, pool.size() - 1_000,
                    TOKEN_BYTES);
        }
    }

    /** A 40-character token: its String (24 + 56 for the Latin-1 array) and its SessionToken (16). */
    private static final int TOKEN_BYTES = 24 + 56 + 16;

    private static void measure(String what, int count, IntFunction<Object> factory) {
        for (int i = 0; i < 200; i++) {
            close(factory.apply(i)); // warm up class loading and caches outside the measurement
        }
        long before = usedAfterGc();
        List<Object> held = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            held.add(factory.apply(i));
        }
        long after = usedAfterGc();
        System.out.printf("%-45s %,8d bytes each (%,d instances)%n", what, (after - before) / count, held.size());
        held.forEach(RetainedHeapBenchmark::close);
    }

    private static long usedAfterGc() {
        long previous = Long.MAX_VALUE;
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 10 && used < previous; i++) {
            previous = used;
            System.gc();
            used = MEMORY.getHeapMemoryUsage().getUsed();
        }
        return used;
    }

    private static void close(Object instance) {
        if (instance instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
