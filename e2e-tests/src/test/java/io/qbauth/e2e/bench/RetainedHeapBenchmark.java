package io.qbauth.e2e.bench;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
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
 *       holds in addition).</li>
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
    }

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
