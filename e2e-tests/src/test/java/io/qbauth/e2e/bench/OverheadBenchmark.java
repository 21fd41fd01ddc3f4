package io.qbauth.e2e.bench;

import io.qbauth.QbAuthClient;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.domain.ApiRequest;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.TransportConfig;
import io.qbauth.spi.TransportRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SDK overhead over a bare {@link HttpClient}, in one run against the embedded emulator: an authenticated
 * {@code GET /session.json} through {@code client.execute(ApiRequest.get(...))} and {@code client.getSession()}
 * (JDK transport), through the {@link JdkAuthTransport} alone, and through a bare {@code HttpClient} with a fixed
 * token — configured like the transport's own (HTTP/1.1, virtual-thread executor; the baseline of the ratios) and
 * with the default executor; closed loop
 * at 1 and 64 callers. The variants are interleaved over several rounds and the median round is reported, so
 * drift and noise from other processes on the machine hit every variant alike.
 *
 * <p>Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@overhead [-Dbench.seconds=5 -Dbench.warmup=2
 * -Dbench.rounds=3]}.
 */
public final class OverheadBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** The bare client configured as the JDK transport configures its own: HTTP/1.1, virtual-thread executor. */
    private static final String BASELINE = "bare HttpClient";

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        try (QbEmulator emulator = QuickBloxFixture.emulator().start();
             JdkAuthTransport transport = new JdkAuthTransport(TransportConfig.defaults());
             QbAuthClient client = QuickBloxFixture.client(emulator, transport).build();
             ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtualThreads)
                     .build();
             HttpClient rawDefault = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String token = client.blocking().createApplicationSession().token().value();
            HttpRequest rawRequest = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/session.json"))
                    .header("QB-Token", token).timeout(Duration.ofSeconds(15)).GET().build();
            ApiRequest sdkRequest = ApiRequest.get("/session.json");
            TransportRequest transportRequest = new TransportRequest("GET", rawRequest.uri(),
                    Map.of("QB-Token", List.of(token)), null, Duration.ofSeconds(15));

            ClosedLoop.Operation bare = () -> check(raw.send(rawRequest, BodyHandlers.ofByteArray()).statusCode());
            ClosedLoop.Operation bareDefault = () -> check(rawDefault.send(rawRequest, BodyHandlers.ofByteArray())
                    .statusCode());
            ClosedLoop.Operation transportAlone = () -> check(transport.execute(transportRequest)
                    .toCompletableFuture().join().status());
            ClosedLoop.Operation execute = () -> check(client.execute(sdkRequest).toCompletableFuture().join()
                    .status());
            ClosedLoop.Operation getSession = () -> client.getSession().toCompletableFuture().join();

            Map<String, ClosedLoop.Operation> variants = new LinkedHashMap<>();
            variants.put(BASELINE, bare);
            variants.put("bare HttpClient, default executor", bareDefault);
            variants.put("JdkAuthTransport alone", transportAlone);
            variants.put("SDK execute(GET /session.json)", execute);
            variants.put("SDK getSession()", getSession);
            for (ClosedLoop.Operation operation : variants.values()) {
                ClosedLoop.run("JIT warm-up", 64, Duration.ZERO, warmup, operation);
            }
            System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cpus, load average " + loadAverage() + "; " + ROUNDS + " interleaved rounds of "
                    + warmup.toSeconds()
                    + " s warm-up + " + measure.toSeconds() + " s measured per variant; median round shown");
            for (int callers : new int[] {1, 64}) {
                Map<String, List<ClosedLoop.Result>> rounds = new LinkedHashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, ClosedLoop.Operation> variant : variants.entrySet()) {
                        rounds.computeIfAbsent(variant.getKey(), name -> new ArrayList<>())
                                .add(ClosedLoop.run(variant.getKey(), callers, warmup, measure, variant.getValue()));
                    }
                }
                double baseline = median(rounds.get(BASELINE)).opsPerSecond();
                rounds.values().forEach(results -> System.out.println(median(results).row()
                        + String.format("   %.2fx bare", median(results).opsPerSecond() / baseline)));
            }
            System.out.println("load average after: " + loadAverage());
        }
    }

    /** The round with the median throughput. */
    private static ClosedLoop.Result median(List<ClosedLoop.Result> results) {
        List<ClosedLoop.Result> sorted = results.stream()
                .sorted(Comparator.comparingDouble(ClosedLoop.Result::opsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("unexpected status " + status);
        }
    }
}
