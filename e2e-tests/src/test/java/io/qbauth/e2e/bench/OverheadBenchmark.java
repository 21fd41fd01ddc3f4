package io.qbauth.e2e.bench;

import io.qbauth.QbAuthClient;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.domain.ApiRequest;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * SDK overhead over a bare {@link HttpClient}, on every transport, in one run against the embedded emulator: an
 * authenticated {@code GET /session.json}
 *
 * <ul>
 *   <li>through a bare {@code HttpClient} with a fixed token, configured like the JDK transport's own (HTTP/1.1,
 *       virtual-thread executor) and called with blocking {@code send}: the baseline of every ratio; the same
 *       client sending the very request the SDK sends (its {@code QB-SDK}, {@code QuickBlox-REST-API-Version},
 *       {@code Accept} and {@code User-Agent} headers too); the same client called with {@code sendAsync} and
 *       waited for (the baseline of an asynchronous caller); and the same client with the default executor;</li>
 *   <li>through a bare Vert.x {@code HttpClient} (HTTP/1.1, the transport's pool size) sending the SDK's request,
 *       waited for: the baseline of the Vert.x transport;</li>
 *   <li>for each transport of {@link TransportUnderTest#all()} ({@code jdk}, {@code vertx}): through the transport
 *       alone (a prepared {@link TransportRequest} with the token) and through the SDK, asynchronously
 *       ({@code client.execute(ApiRequest.get("/session.json"))}, waited for) and through the blocking facade
 *       ({@code client.blocking().execute(...)}, which lends the caller's thread to the exchange);</li>
 *   <li>through {@code client.getSession()} on each transport (which also parses the reply).</li>
 * </ul>
 *
 * Closed loop at 1, 64 and 256 callers (virtual threads). The variants are interleaved over several rounds and the
 * median round is reported, so drift and noise from other processes on the machine hit every variant alike. Each
 * row: ops/s, p50, p99, process CPU per call (client and emulator together) and the ratios of ops/s to the four
 * raw baselines; a Markdown table of the same follows, then each SDK variant's throughput and p99 against the bare
 * client of its own transport sending the same request.
 *
 * <p>Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@overhead [-Dbench.seconds=5 -Dbench.warmup=2
 * -Dbench.rounds=3 -Dbench.callers=1,64,256 -Dbench.only=REGEX]}; {@code bench.only} keeps the variants whose name
 * it finds (the baselines always run).
 */
public final class OverheadBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** The bare client configured as the JDK transport configures its own: HTTP/1.1, virtual-thread executor. */
    private static final String BASELINE = "raw HttpClient (baseline)";
    /** The same bare client sending the very request the SDK sends: the same headers, not only the token. */
    private static final String SAME_REQUEST = "raw HttpClient, the SDK's request";
    /** The same bare client called asynchronously ({@code sendAsync}), as an asynchronous caller would use it. */
    private static final String RAW_ASYNC = "raw HttpClient, sendAsync";
    /**
     * A bare Vert.x {@code HttpClient} (its own {@code Vertx}, HTTP/1.1, the transport's pool size) sending the SDK's
     * request, called as a Vert.x user would ({@code request}, {@code send}, {@code body}) and waited for: the
     * baseline of the Vert.x transport.
     */
    private static final String RAW_VERTX = "raw Vert.x HttpClient, the SDK's request";
    private static final List<String> BASELINES = List.of(BASELINE, SAME_REQUEST, RAW_ASYNC, RAW_VERTX);
    /** Each SDK variant's own baseline: the bare client of its transport sending the same request. */
    private static final Map<String, String> OWN_BASELINE = Map.of("jdk", SAME_REQUEST, "vertx", RAW_VERTX);

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        int[] callerCounts = Arrays.stream(System.getProperty("bench.callers", "1,64,256").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        Pattern only = Pattern.compile(System.getProperty("bench.only", ""));
        List<AutoCloseable> clients = new ArrayList<>();
        Vertx vertx = Vertx.vertx(new VertxOptions().setUseDaemonThread(true));
        io.vertx.core.http.HttpClient rawVertx = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setUseAlpn(false)
                        .setDecompressionSupported(false))
                .with(new PoolOptions().setHttp1MaxSize(TransportConfig.defaults().maxConnections()))
                .build();
        clients.add(() -> vertx.close().await());
        try (QbEmulator emulator = QuickBloxFixture.emulator().start();
             ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtualThreads)
                     .build();
             HttpClient rawDefault = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            try {
                Map<String, ClosedLoop.Operation> variants = variants(emulator, raw, rawDefault, rawVertx, clients);
                variants.keySet().removeIf(name -> !BASELINES.contains(name) && !only.matcher(name).find());
                measure(variants, callerCounts, warmup, measure);
            } finally {
                for (AutoCloseable client : clients.subList(1, clients.size()).reversed()) {
                    client.close();
                }
            }
        } finally {
            clients.getFirst().close();
        }
    }

    /**
     * Every variant by name, the baseline first; the SDK clients and transports it opens go to {@code opened}. The
     * raw clients send the token of the first SDK client's session.
     */
    private static Map<String, ClosedLoop.Operation> variants(QbEmulator emulator, HttpClient raw,
                                                              HttpClient rawDefault,
                                                              io.vertx.core.http.HttpClient rawVertx,
                                                              List<AutoCloseable> opened) {
        URI uri = URI.create(emulator.baseUrl() + "/session.json");
        ApiRequest sdkRequest = ApiRequest.get("/session.json");
        Map<String, ClosedLoop.Operation> transportsAlone = new LinkedHashMap<>();
        Map<String, ClosedLoop.Operation> throughTheSdk = new LinkedHashMap<>();
        List<String> tokens = new ArrayList<>();
        for (TransportUnderTest transportUnderTest : TransportUnderTest.all().toList()) {
            String name = transportUnderTest.name();
            AuthTransport transport = transportUnderTest.create(TransportConfig.defaults());
            opened.add(transport);
            QbAuthClient client = QuickBloxFixture.client(emulator, transport).build();
            opened.add(client);
            String token = client.blocking().createApplicationSession().token().value();
            tokens.add(token);
            TransportRequest prepared = new TransportRequest("GET", uri, Map.of("QB-Token", List.of(token)), null,
                    Duration.ofSeconds(15));
            transportsAlone.put("transport alone, " + name,
                    () -> check(transport.execute(prepared).toCompletableFuture().join().status()));
            throughTheSdk.put("SDK execute, " + name,
                    () -> check(client.execute(sdkRequest).toCompletableFuture().join().status()));
            throughTheSdk.put("SDK blocking execute, " + name,
                    () -> check(client.blocking().execute(sdkRequest).status()));
            throughTheSdk.put("SDK getSession(), " + name, () -> client.getSession().toCompletableFuture().join());
        }
        HttpRequest rawRequest = HttpRequest.newBuilder(uri).header("QB-Token", tokens.getFirst())
                .timeout(Duration.ofSeconds(15)).GET().build();
        TransportRequest wire = asSentByTheSdk(emulator, sdkRequest, tokens.getFirst());
        HttpRequest sameRequest = jdkRequest(wire);
        RequestOptions vertxRequest = vertxRequest(wire);
        Map<String, ClosedLoop.Operation> variants = new LinkedHashMap<>();
        variants.put(BASELINE, () -> check(raw.send(rawRequest, BodyHandlers.ofByteArray()).statusCode()));
        variants.put(SAME_REQUEST, () -> check(raw.send(sameRequest, BodyHandlers.ofByteArray()).statusCode()));
        variants.put(RAW_ASYNC,
                () -> check(raw.sendAsync(rawRequest, BodyHandlers.ofByteArray()).join().statusCode()));
        variants.put(RAW_VERTX, () -> check(rawVertx.request(vertxRequest)
                .compose(request -> request.send().compose(reply -> reply.body().map(body -> reply.statusCode())))
                .await()));
        variants.put("raw HttpClient, default executor",
                () -> check(rawDefault.send(rawRequest, BodyHandlers.ofByteArray()).statusCode()));
        variants.putAll(transportsAlone);
        variants.putAll(throughTheSdk);
        return variants;
    }

    /**
     * The request the SDK hands its transport for {@code request} (every header the SDK adds, e.g. {@code QB-SDK},
     * {@code QuickBlox-REST-API-Version}, {@code Accept}), with {@code token}: captured from one call of a throwaway
     * client.
     */
    private static TransportRequest asSentByTheSdk(QbEmulator emulator, ApiRequest request, String token) {
        AtomicReference<TransportRequest> sent = new AtomicReference<>();
        try (AuthTransport transport = JdkAuthTransport.create(TransportConfig.defaults());
             QbAuthClient client = QuickBloxFixture.client(emulator, transport)
                     .decorateTransport(inner -> wire -> {
                         sent.set(wire);
                         return inner.execute(wire);
                     }).build()) {
            client.blocking().execute(request);
        }
        return sent.get().withHeader("QB-Token", token);
    }

    /** {@code wire} as a bare JDK {@code HttpRequest}, with the headers a transport sends ({@code User-Agent} too). */
    private static HttpRequest jdkRequest(TransportRequest wire) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(wire.uri()).timeout(wire.timeout()).GET();
        TransportSupport.forEachHeaderToSend(wire, TransportConfig.DEFAULT_USER_AGENT,
                (name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder.build();
    }

    /** {@code wire} as bare Vert.x {@code RequestOptions}, with the headers a transport sends. */
    private static RequestOptions vertxRequest(TransportRequest wire) {
        MultiMap headers = HttpHeaders.headers();
        TransportSupport.forEachHeaderToSend(wire, TransportConfig.DEFAULT_USER_AGENT, headers::add);
        return new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(wire.uri().toASCIIString())
                .setHeaders(headers);
    }

    /** JIT warm-up of every variant, then the interleaved rounds per caller count; prints rows and a table. */
    private static void measure(Map<String, ClosedLoop.Operation> variants, int[] callerCounts, Duration warmup,
                                Duration measure) throws InterruptedException {
        for (ClosedLoop.Operation operation : variants.values()) {
            ClosedLoop.run("JIT warm-up", 64, Duration.ZERO, warmup, operation);
        }
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, load average " + loadAverage() + "; " + ROUNDS + " interleaved rounds of "
                + warmup.toSeconds() + " s warm-up + " + measure.toSeconds()
                + " s measured per variant; median round shown");
        List<String> table = new ArrayList<>(List.of(
                "| variant | callers | ops/s | p50 | p99 | CPU/call | vs raw | vs raw, same request | vs raw sendAsync"
                        + " | vs raw Vert.x |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"));
        List<String> summary = new ArrayList<>(List.of(
                "| SDK variant | callers | ops/s vs its raw client | p99 vs its raw client |", "|---|---:|---:|---:|"));
        for (int callers : callerCounts) {
            Map<String, List<ClosedLoop.Result>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, ClosedLoop.Operation> variant : variants.entrySet()) {
                    rounds.computeIfAbsent(variant.getKey(), name -> new ArrayList<>())
                            .add(ClosedLoop.run(variant.getKey(), callers, warmup, measure, variant.getValue()));
                }
            }
            Map<String, ClosedLoop.Result> medians = new LinkedHashMap<>();
            rounds.forEach((name, results) -> medians.put(name, ClosedLoop.median(results)));
            double[] baselines = BASELINES.stream().mapToDouble(name -> medians.get(name).opsPerSecond()).toArray();
            for (ClosedLoop.Result median : medians.values()) {
                double ops = median.opsPerSecond();
                System.out.println(median.row() + String.format(
                        "   %.2fx raw, %.2fx same request, %.2fx sendAsync, %.2fx raw Vert.x", ops / baselines[0],
                        ops / baselines[1], ops / baselines[2], ops / baselines[3]));
                table.add(median.markdownRow() + String.format(" %.2f× | %.2f× | %.2f× | %.2f× |", ops / baselines[0],
                        ops / baselines[1], ops / baselines[2], ops / baselines[3]));
                if (median.name().startsWith("SDK ")) {
                    String transport = median.name().substring(median.name().lastIndexOf(", ") + 2);
                    ClosedLoop.Result own = medians.get(OWN_BASELINE.get(transport));
                    summary.add(String.format("| %s | %d | %.2f× | %.2f× |", median.name(), callers,
                            ops / own.opsPerSecond(), (double) median.p99Nanos() / own.p99Nanos()));
                }
            }
        }
        System.out.println("load average after: " + loadAverage());
        System.out.println();
        table.forEach(System.out::println);
        System.out.println();
        System.out.println("Each SDK variant against the bare client of its transport sending the same request ("
                + SAME_REQUEST + " for jdk, " + RAW_VERTX + " for vertx):");
        summary.forEach(System.out::println);
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
