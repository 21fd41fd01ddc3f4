package io.qbauth.e2e.bench;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * What tracing costs (issue 14): authenticated calls ({@code execute(GET /session.json)}, three observations each:
 * the operation, the cached session acquisition, the exchange) on the embedded emulator at {@code bench.callers}
 * (64) closed-loop callers, three clients side by side in one run, rounds interleaved (the order rotates each
 * round): observations off (no instrumentation); on, with a handler that does nothing; on, through Micrometer
 * Tracing's OpenTelemetry bridge, every span sampled and exported to memory (cleared every 200 ms). All on the JDK
 * transport, one transport instance each. Then the same three on an in-memory transport with one caller: what the
 * instrumentation alone costs per call. Prints every round, then per group each variant's median round and the
 * median of its per-round ratios to "off" (throughput and CPU per call).
 *
 * <p>Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@tracing} ({@code -Dbench.seconds=5
 * -Dbench.warmup=2 -Dbench.rounds=3}).
 */
public final class TracingOverheadBenchmark {

    private static final String OFF = "observations off";
    private static final String NO_OP = "observations, no-op handler";
    private static final String OTEL = "observations, OTel bridge to memory";

    private TracingOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 2));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int callers = Integer.getInteger("bench.callers", 64);
        System.out.printf("# %s, %d CPUs, load average %.1f, %d callers, %d rounds of %s (+%s warm-up)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), callers, rounds, measure, warmup);
        List<AutoCloseable> opened = new ArrayList<>();
        ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor();
        try (QbEmulator emulator = QuickBloxFixture.emulator().journalSize(0).start()) {
            ObservationRegistry noOp = ObservationRegistry.create();
            noOp.observationConfig().observationHandler(new NoOpHandler());
            InMemorySpanExporter exporter = InMemorySpanExporter.create();
            ObservationRegistry otel = otel(exporter, opened);
            cleaner.scheduleAtFixedRate(exporter::reset, 200, 200, TimeUnit.MILLISECONDS);

            ApiRequest call = ApiRequest.get("/session.json");
            Map<String, UnaryOperator<QbAuth.Builder>> instrumentations = new LinkedHashMap<>();
            instrumentations.put(OFF, builder -> builder);
            instrumentations.put(NO_OP, builder -> QbAuthObservations.instrument(builder, noOp));
            instrumentations.put(OTEL, builder -> QbAuthObservations.instrument(builder, otel));
            Map<String, ClosedLoop.Operation> http = new LinkedHashMap<>();
            Map<String, ClosedLoop.Operation> inMemory = new LinkedHashMap<>();
            instrumentations.forEach((name, instrument) -> {
                AuthTransport transport = JdkAuthTransport.create(TransportConfig.defaults());
                opened.add(transport);
                http.put(name, operation(instrument.apply(QuickBloxFixture.client(emulator, transport)), call,
                        opened));
                inMemory.put(name, operation(instrument.apply(QuickBloxFixture.client(emulator,
                        new CannedTransport())), call, opened));
            });
            Map<String, List<ClosedLoop.Result>> httpResults = run(http, callers, rounds, warmup, measure, "HTTP");
            Map<String, List<ClosedLoop.Result>> memoryResults = run(inMemory, 1, rounds, warmup, measure,
                    "in-memory transport");
            summary("real HTTP to the emulator, " + callers + " callers", httpResults);
            summary("in-memory transport, 1 caller (the instrumentation alone)", memoryResults);
        } finally {
            cleaner.shutdownNow();
            for (AutoCloseable closeable : opened.reversed()) {
                closeable.close();
            }
        }
    }

    private static ClosedLoop.Operation operation(QbAuth.Builder builder, ApiRequest call,
                                                  List<AutoCloseable> opened) {
        QbAuthClient client = builder.build();
        opened.add(client);
        client.blocking().createApplicationSession();
        return () -> {
            if (client.blocking().execute(call).status() != 200) {
                throw new IllegalStateException("unexpected status");
            }
        };
    }

    /** A JIT warm-up of each variant, then {@code rounds} rounds, the variants' order rotating each round. */
    private static Map<String, List<ClosedLoop.Result>> run(Map<String, ClosedLoop.Operation> variants, int callers,
                                                            int rounds, Duration warmup, Duration measure,
                                                            String label) throws InterruptedException {
        for (ClosedLoop.Operation operation : variants.values()) {
            ClosedLoop.run("JIT warm-up", callers, Duration.ZERO, warmup.multipliedBy(2), operation);
        }
        Map<String, List<ClosedLoop.Result>> results = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(variants.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                ClosedLoop.Result result = ClosedLoop.run(name, callers, warmup, measure, variants.get(name));
                System.out.println(label + ", round " + round + ": " + result.row());
                results.computeIfAbsent(name, key -> new ArrayList<>()).add(result);
            }
        }
        return results;
    }

    /**
     * Each variant's median round, and the median over the rounds of its throughput and CPU per call divided by
     * those of "off" in the same round: a ratio of neighbours in time, which the load of other processes on a
     * shared machine disturbs far less than the throughputs themselves.
     */
    private static void summary(String title, Map<String, List<ClosedLoop.Result>> results) {
        List<ClosedLoop.Result> off = results.get(OFF);
        System.out.println();
        System.out.println("### " + title);
        System.out.println("| variant | callers | ops/s (median round) | p50 | p99 | CPU per call | throughput vs off "
                + "(median of per-round ratios) | CPU per call vs off |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        results.forEach((name, rounds) -> {
            double[] throughput = new double[rounds.size()];
            double[] cpu = new double[rounds.size()];
            for (int i = 0; i < rounds.size(); i++) {
                throughput[i] = rounds.get(i).opsPerSecond() / off.get(i).opsPerSecond();
                cpu[i] = rounds.get(i).cpuMicrosPerOperation() / off.get(i).cpuMicrosPerOperation();
            }
            System.out.println(ClosedLoop.median(rounds).markdownRow() + String.format(" %.3f× | %.3f× |",
                    median(throughput), median(cpu)));
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static ObservationRegistry otel(InMemorySpanExporter exporter, List<AutoCloseable> opened) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        opened.add(sdk);
        io.opentelemetry.api.trace.Tracer tracer = sdk.getTracer("qbauth-bench");
        OtelTracer otelTracer = new OtelTracer(tracer, new OtelCurrentTraceContext(), event -> { });
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(otelTracer,
                        new OtelPropagator(sdk.getPropagators(), tracer)),
                new DefaultTracingObservationHandler(otelTracer)));
        return registry;
    }


    /** Accepts every observation and does nothing with it: what the instrumentation itself costs. */
    private static final class NoOpHandler implements ObservationHandler<Observation.Context> {
        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
