package io.qbauth.adapter.metrics.micrometer.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The cost of the metrics on the hot path (the transport decorator and the listener of the client's events),
 * isolated from I/O: an authenticated
 * {@code execute(GET /users/42.json)} through the whole SDK on a {@link CannedTransport}, with and without
 * {@link QbAuthMetrics} (Prometheus registry, histograms off). One thread: the per-call cost is the question, and on
 * a small shared machine more threads measure the scheduler. Not a test: run it by hand (see the module README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(1)
public class DecoratorOverheadBenchmark {

    private static final ApiRequest REQUEST = ApiRequest.get("/users/42.json");

    private PrometheusMeterRegistry registry;
    private QbAuthClient plain;
    private QbAuthClient metered;

    @Setup(Level.Trial)
    public void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        plain = builder().build();
        metered = QbAuthMetrics.instrument(builder(), registry).build();
        plain.blocking().createApplicationSession();
        metered.blocking().createApplicationSession();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plain.close();
        metered.close();
        registry.close();
    }

    @Benchmark
    public ApiResponse plain() {
        return plain.execute(REQUEST).toCompletableFuture().join();
    }

    @Benchmark
    public ApiResponse metered() {
        return metered.execute(REQUEST).toCompletableFuture().join();
    }

    private static QbAuth.Builder builder() {
        return QbAuth.builder().endpoint(URI.create("https://api.example.com")).applicationId(1).authKey("key")
                .authSecret("secret").transport(new CannedTransport());
    }
}
