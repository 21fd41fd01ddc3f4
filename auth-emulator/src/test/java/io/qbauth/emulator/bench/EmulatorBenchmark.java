package io.qbauth.emulator.bench;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loopback throughput and latency of the emulator's hot calls against a bare Vert.x handler in the same JVM (the
 * ceiling). Not a test: run it by hand, see the module README. A fixed number of requests stay in flight (non-blocking
 * Vert.x client); each scenario warms up, then measures for a fixed time, bounded in count as well.
 *
 * <p>(a) and (d) are measured alternately in several rounds and the round with the median ratio is reported, which
 * keeps a busy shared machine from skewing one side. System properties: {@code bench.concurrency} (64),
 * {@code bench.warmupSeconds} (3, once), {@code bench.seconds} (5 per measurement, after 1 s of re-warming),
 * {@code bench.rounds} (3), {@code bench.iterations} (PBKDF2 iterations, 10000).
 */
public final class EmulatorBenchmark {

    private static final long APP_ID = 12345L;
    private static final String AUTH_KEY = "AbCdEfGh12345-x";
    private static final String AUTH_SECRET = "SecReT_987-zyx";
    private static final String LOGIN = "bench_user";
    private static final String PASSWORD = "benchPass123";
    private static final int MAX_SAMPLES = 4_000_000;
    private static final String CEILING_BODY = CeilingServer.BODY;

    private final int concurrency = Integer.getInteger("bench.concurrency", 64);
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 3);
    private final int seconds = Integer.getInteger("bench.seconds", 5);
    private final int iterations = Integer.getInteger("bench.iterations", 10_000);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final AtomicLong nonces = new AtomicLong(1);
    private final List<Context> clientContexts = new ArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        new EmulatorBenchmark().run();
    }

    private void run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(cores));
        clientContexts.addAll(eventLoopContexts(clientVertx, cores));
        Vertx ceilingVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, cores)));
        try (QbEmulator emulator = QbEmulator.builder()
                .app(EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET))
                .user(APP_ID, LOGIN, PASSWORD)
                .passwordHashIterations(iterations)
                .maxSessionsPerApp(Integer.MAX_VALUE)      // (b) creates about 100 000 sessions a run
                .start()) {
            int ceilingPort = startCeiling(ceilingVertx, Math.max(2, cores));
            HttpClient emulatorClient = client(clientVertx, emulator.port());
            HttpClient ceilingClient = client(clientVertx, ceilingPort);

            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Buffer created = await(onClientContext(() -> send(emulatorClient, appSession()).map(Reply::body)));
                tokens.add(new JsonObject(created).getJsonObject("session").getString("token"));
            }
            System.out.printf(Locale.ROOT, "emulator %s, %d cores, %d in flight, %d s warm-up + %d s measured each%n",
                    emulator.baseUrl(), cores, concurrency, warmupSeconds, seconds);

            IntFunction<Call> getSessionCalls = slot -> new Call(HttpMethod.GET, "/session.json", tokens.get(slot),
                    null);
            IntFunction<Call> ceilingCalls = slot -> new Call(HttpMethod.GET, "/ceiling", null, null);
            run(ceilingClient, ceilingCalls, TimeUnit.SECONDS.toNanos(warmupSeconds), null);
            run(emulatorClient, getSessionCalls, TimeUnit.SECONDS.toNanos(warmupSeconds), null);

            List<Result[]> pairs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Result ceiling = measure("(d) ceiling: bare Vert.x handler, constant JSON", ceilingClient,
                        ceilingCalls);
                Result getSession = measure("(a) GET /session.json, authenticated", emulatorClient,
                        getSessionCalls);
                pairs.add(new Result[] {getSession, ceiling});
                System.out.printf(Locale.ROOT, "round %d: (a) %.0f req/s, (d) %.0f req/s, (a)/(d) = %.2f%n",
                        round + 1, getSession.throughput(), ceiling.throughput(),
                        getSession.throughput() / ceiling.throughput());
            }
            pairs.sort(Comparator.comparingDouble(pair -> pair[0].throughput() / pair[1].throughput()));
            Result[] median = pairs.get(pairs.size() / 2);
            Result appSession = measure("(b) POST /session.json, application session", emulatorClient,
                    slot -> appSession());
            Result userSession = measure("(c) POST /session.json, user session, PBKDF2 " + iterations + " it.",
                    emulatorClient, slot -> userSession());

            System.out.printf(Locale.ROOT, "%n%-58s %10s %9s %9s %8s%n", "scenario (median round for a, d)", "req/s",
                    "p50 ms", "p99 ms", "errors");
            for (Result result : List.of(median[0], appSession, userSession, median[1])) {
                System.out.println(result.row());
            }
            System.out.printf(Locale.ROOT, "%nratio (a)/(d) = %.2f (median of %d rounds)   (b)/(d) = %.2f%n",
                    median[0].throughput() / median[1].throughput(), pairs.size(),
                    appSession.throughput() / median[1].throughput());
            System.out.println(emulator.stats(APP_ID));
        } finally {
            await(clientVertx.close());
            await(ceilingVertx.close());
        }
    }

    private Result measure(String name, HttpClient client, IntFunction<Call> calls) throws InterruptedException {
        run(client, calls, TimeUnit.SECONDS.toNanos(1), null);
        Samples samples = new Samples();
        long elapsed = run(client, calls, TimeUnit.SECONDS.toNanos(seconds), samples);
        return samples.result(name, elapsed);
    }

    /** Keeps {@code concurrency} calls in flight for {@code durationNanos}; returns the nanoseconds it took. */
    private long run(HttpClient client, IntFunction<Call> calls, long durationNanos, Samples samples)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + durationNanos;
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int slot = 0; slot < concurrency; slot++) {
            int first = slot;
            clientContexts.get(slot % clientContexts.size())
                    .runOnContext(ignored -> loop(client, calls, first, end, samples, done));
        }
        if (!done.await(durationNanos + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("calls did not finish in time: " + done.getCount() + " slots open, "
                    + failures);
        }
        return System.nanoTime() - start;
    }

    private void loop(HttpClient client, IntFunction<Call> calls, int slot, long end, Samples samples,
            CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= end || (samples != null && samples.full())) {
            done.countDown();
            return;
        }
        send(client, calls.apply(slot)).onComplete(reply -> {
            if (reply.failed()) {
                failures.merge(reply.cause().toString(), 1, Integer::sum);
            }
            if (samples != null) {
                samples.add(System.nanoTime() - sent, reply.succeeded() && reply.result().status() < 300);
            }
            loop(client, calls, slot, end, samples, done);
        });
    }

    /** Client calls start on a Vert.x context: requests from foreign threads starve the client pool. */
    private <T> Future<T> onClientContext(Supplier<Future<T>> call) {
        Promise<T> promise = Promise.promise();
        clientContexts.get(0).runOnContext(ignored -> call.get().onComplete(promise));
        return promise.future();
    }

    private static Future<Reply> send(HttpClient client, Call call) {
        return client.request(call.method(), call.uri()).compose(request -> {
            if (call.token() != null) {
                request.putHeader("QB-Token", call.token());
            }
            if (call.body() == null) {
                return request.send();
            }
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded");
            return request.send(call.body());
        }).compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
    }

    private Call appSession() {
        return signedCreate("");
    }

    private Call userSession() {
        return signedCreate("&user[login]=" + LOGIN + "&user[password]=" + PASSWORD);
    }

    /** The parameters are already in sorted order, so the form body without the signature is the signed string. */
    private Call signedCreate(String userParams) {
        String unsigned = "application_id=" + APP_ID + "&auth_key=" + AUTH_KEY + "&nonce=" + nonces.incrementAndGet()
                + "&timestamp=" + System.currentTimeMillis() / 1000 + userParams;
        return new Call(HttpMethod.POST, "/session.json", null,
                Buffer.buffer(unsigned + "&signature=" + hmacSha1(unsigned)));
    }

    private static String hmacSha1(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClient client(Vertx vertx, int port) {
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
    }

    /** One context per event loop (contexts made from a foreign thread would all share one loop). */
    private static List<Context> eventLoopContexts(Vertx vertx, int count) throws Exception {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        await(vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                contexts.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(count)));
        return contexts;
    }

    private static int startCeiling(Vertx vertx, int instances) throws Exception {
        AtomicInteger port = new AtomicInteger();
        await(vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(-1))
                        .requestHandler(request -> request.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                                .end(CEILING_BODY))
                        .listen()
                        .onSuccess(server -> port.set(server.actualPort()));
            }
        }, new DeploymentOptions().setInstances(instances)));
        return port.get();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private record Call(HttpMethod method, String uri, String token, Buffer body) {
    }

    private record Reply(int status, Buffer body) {
    }

    /** Latencies of one measured run; thread-safe, bounded. */
    private static final class Samples {
        private final long[] nanos = new long[MAX_SAMPLES];
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong errors = new AtomicLong();

        void add(long latencyNanos, boolean ok) {
            int index = count.getAndIncrement();
            if (index < nanos.length) {
                nanos[index] = latencyNanos;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
        }

        boolean full() {
            return count.get() >= nanos.length;
        }

        Result result(String name, long elapsedNanos) {
            int n = Math.min(count.get(), nanos.length);
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return new Result(name, n * 1e9 / elapsedNanos, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    errors.get());
        }

        private static double percentile(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    private record Result(String name, double throughput, double p50Millis, double p99Millis, long errors) {
        String row() {
            return String.format(Locale.ROOT, "%-58s %10.0f %9.2f %9.2f %8d", name, throughput, p50Millis, p99Millis,
                    errors);
        }
    }
}
