package io.qbauth.adapter.metrics.micrometer.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.testkit.TestClock;
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
 * after a warm-up of each. Prints each round, the totals, the median of the per-round ratios and the process CPU
 * time per call (SDK and emulator together: steadier than throughput on a shared machine). Not a test: run it
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
        try (QbEmulator emulator = Emulators.builder(TestClock.followingSystem()).start();
             QbAuthClient plain = Emulators.client(emulator).build();
             QbAuthClient metered = QbAuthMetrics.instrument(Emulators.client(emulator), registry).build()) {
            plain.blocking().createApplicationSession();
            metered.blocking().createApplicationSession();
            run(plain, warmup);
            run(metered, warmup);

            Result plainTotal = new Result(0, 0);
            Result meteredTotal = new Result(0, 0);
            double[] ratios = new double[ROUNDS];
            print("round", "plain ops/s", "metered ops/s", "ratio", "plain cpu µs/op", "metered cpu µs/op");
            for (int i = 0; i < ROUNDS; i++) {
                boolean plainFirst = i % 2 == 0;
                Result first = run(plainFirst ? plain : metered, round);
                Result second = run(plainFirst ? metered : plain, round);
                Result p = plainFirst ? first : second;
                Result m = plainFirst ? second : first;
                plainTotal = plainTotal.plus(p);
                meteredTotal = meteredTotal.plus(m);
                ratios[i] = (double) m.calls() / p.calls();
                print(Integer.toString(i + 1), p.rate(round), m.rate(round), ratio(m.calls(), p.calls()),
                        p.cpuPerCall(), m.cpuPerCall());
            }
            Duration total = round.multipliedBy(ROUNDS);
            print("all", plainTotal.rate(total), meteredTotal.rate(total),
                    ratio(meteredTotal.calls(), plainTotal.calls()), plainTotal.cpuPerCall(),
                    meteredTotal.cpuPerCall());
            Arrays.sort(ratios);
            double median = (ratios[ROUNDS / 2 - 1] + ratios[ROUNDS / 2]) / 2;
            print("median", "", "", String.format(Locale.ROOT, "%.3f", median), "", "");
        } finally {
            registry.close();
        }
    }

    /**
     * What one run did.
     *
     * @param calls    successful calls
     * @param cpuNanos CPU time of the whole process (SDK and emulator) meanwhile
     */
    private record Result(long calls, long cpuNanos) {
        Result plus(Result other) {
            return new Result(calls + other.calls, cpuNanos + other.cpuNanos);
        }

        String rate(Duration duration) {
            return String.format(Locale.ROOT, "%,.0f", calls / (duration.toNanos() / 1e9));
        }

        String cpuPerCall() {
            return String.format(Locale.ROOT, "%.1f", cpuNanos / 1e3 / calls);
        }
    }

    /** Runs the closed loops for {@code duration}. */
    private static Result run(QbAuthClient client, Duration duration) throws InterruptedException {
        long cpuBefore = cpuNanos();
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
        return new Result(ok.get(), cpuNanos() - cpuBefore);
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
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

    private static String ratio(long metered, long plain) {
        return String.format(Locale.ROOT, "%.3f", (double) metered / plain);
    }

    private static void print(String... columns) {
        System.out.printf(Locale.ROOT, "%-6s %13s %13s %7s %16s %18s%n", (Object[]) columns);
    }
}
