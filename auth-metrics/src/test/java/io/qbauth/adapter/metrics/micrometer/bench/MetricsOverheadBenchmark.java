package io.qbauth.adapter.metrics.micrometer.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.ShiftedClock;
import io.qbauth.domain.ApiRequest;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of authenticated calls ({@code execute(GET /session.json)}) over real HTTP against the embedded
 * emulator, with and without the metrics, in one run: {@value #CALLERS} concurrent closed-loop callers, the two
 * clients alternating for {@value #ROUNDS} rounds (in ABBA order, so drift on a shared machine hits both alike)
 * after a warm-up of each. Prints each round, the totals and the median of the per-round ratios. Not a test: run it
 * by hand (see the module README); {@code -Dbench.seconds=} sets the length of a round (default 5) and
 * {@code -Dbench.warmup=} the warm-up of each client (default 15).
 */
public final class MetricsOverheadBenchmark {

    private static final int CALLERS = 64;
    private static final int ROUNDS = 6;
    private static final ApiRequest CALL = ApiRequest.get("/session.json");

    private MetricsOverheadBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration round = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (QbEmulator emulator = Emulators.builder(new ShiftedClock()).start();
             QbAuthClient plain = Emulators.client(emulator).build();
             QbAuthClient metered = QbAuthMetrics.instrument(Emulators.client(emulator), registry).build()) {
            plain.blocking().createApplicationSession();
            metered.blocking().createApplicationSession();
            run(plain, warmup);
            run(metered, warmup);

            long plainCalls = 0;
            long meteredCalls = 0;
            double[] ratios = new double[ROUNDS];
            print("round", "plain ops/s", "metered ops/s", "metered/plain");
            for (int i = 0; i < ROUNDS; i++) {
                boolean plainFirst = i % 2 == 0;
                long first = run(plainFirst ? plain : metered, round);
                long second = run(plainFirst ? metered : plain, round);
                long p = plainFirst ? first : second;
                long m = plainFirst ? second : first;
                plainCalls += p;
                meteredCalls += m;
                ratios[i] = (double) m / p;
                print(Integer.toString(i + 1), rate(p, round), rate(m, round), ratio(m, p));
            }
            Duration total = round.multipliedBy(ROUNDS);
            print("all", rate(plainCalls, total), rate(meteredCalls, total), ratio(meteredCalls, plainCalls));
            Arrays.sort(ratios);
            double median = (ratios[ROUNDS / 2 - 1] + ratios[ROUNDS / 2]) / 2;
            print("median", "", "", String.format(Locale.ROOT, "%.3f", median));
        } finally {
            registry.close();
        }
    }

    /** Runs the closed loops for {@code duration}; returns the number of successful calls. */
    private static long run(QbAuthClient client, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CALLERS);
        for (int i = 0; i < CALLERS; i++) {
            loop(client, deadline, ok, failed, done);
        }
        done.await();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " calls failed");
        }
        return ok.get();
    }

    private static void loop(QbAuthClient client, long deadline, AtomicLong ok, AtomicLong failed,
                             CountDownLatch done) {
        client.execute(CALL).whenComplete((reply, failure) -> {
            (failure == null ? ok : failed).incrementAndGet();
            if (System.nanoTime() < deadline) {
                loop(client, deadline, ok, failed, done);
            } else {
                done.countDown();
            }
        });
    }

    private static String rate(long calls, Duration duration) {
        return String.format(Locale.ROOT, "%,.0f", calls / (duration.toNanos() / 1e9));
    }

    private static String ratio(long metered, long plain) {
        return String.format(Locale.ROOT, "%.3f", (double) metered / plain);
    }

    private static void print(String... columns) {
        System.out.printf(Locale.ROOT, "%-6s %15s %15s %14s%n", (Object[]) columns);
    }
}
