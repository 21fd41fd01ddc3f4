package io.qbauth.adapter.transport.vertx.bench;

import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Raw {@code execute()} throughput and latency of the Vert.x and the JDK transport against a local constant-reply
 * server, at 1, 64 and 256 concurrent callers, in one run. Not a test: run it by hand.
 *
 * <pre>{@code
 * ./mvnw -q -pl auth-transport-vertx test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=io.qbauth.adapter.transport.vertx.bench.TransportBenchmark \
 *     [-Dexec.args="warmupSeconds measureSeconds"]
 * }</pre>
 *
 * Each caller is a closed loop: it sends the next request when the previous reply has arrived. The server is a Vert.x
 * HTTP server on its own {@code Vertx} (one event loop) that answers every request with the same 200 reply of a
 * session-sized JSON body. Both transports get the same {@link TransportConfig} (256 connections).
 */
public final class TransportBenchmark {

    private static final int[] CALLERS = {1, 64, 256};
    private static final byte[] REPLY = ("{\"session\":{\"application_id\":12345,\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"id\":123456,\"nonce\":1234567890,\"token\":\"" + "0".repeat(40) + "\",\"ts\":1767225600,"
            + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"user_id\":0}}").getBytes(StandardCharsets.UTF_8);

    private TransportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 3);
        Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        Vertx serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Buffer reply = Buffer.buffer(REPLY);
        HttpServer server = serverVertx.createHttpServer()
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
                        .end(reply))
                .listen(0, "127.0.0.1").await();
        TransportRequest request = new TransportRequest("GET",
                URI.create("http://127.0.0.1:" + server.actualPort() + "/session.json"),
                Map.of("QB-Token", List.of("0".repeat(40))), null, Duration.ofSeconds(15));
        TransportConfig config = TransportConfig.builder().maxConnections(256).build();

        print("transport", "callers", "req/s", "p50 µs", "p99 µs", "p99.9 µs", "errors");
        for (int callers : CALLERS) {
            run("vertx", () -> VertxAuthTransport.create(config), request, callers, warmup, measure);
            run("jdk", () -> provider("jdk").create(config), request, callers, warmup, measure);
        }
        serverVertx.close().await();
    }

    private static void run(String name, Supplier<AuthTransport> factory, TransportRequest request, int callers,
                            Duration warmup, Duration measure) throws InterruptedException {
        try (AuthTransport transport = factory.get()) {
            new Load(transport, request, callers).runFor(warmup);
            Load load = new Load(transport, request, callers);
            long elapsed = load.runFor(measure);
            long[] latencies = load.latencies();
            Arrays.sort(latencies);
            print(name, String.valueOf(callers),
                    String.format("%,.0f", latencies.length * 1e9 / elapsed),
                    micros(latencies, 0.50), micros(latencies, 0.99), micros(latencies, 0.999),
                    String.valueOf(load.errors.get()));
        }
    }

    /** The JDK transport through its public entry point (this module compiles against no JDK-transport class). */
    private static AuthTransportProvider provider(String name) {
        return ServiceLoader.load(AuthTransportProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String micros(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%,d", TimeUnit.NANOSECONDS.toMicros(sorted[Math.max(0, index)]));
    }

    private static void print(String... columns) {
        System.out.printf("%-9s %8s %10s %9s %9s %9s %7s%n", (Object[]) columns);
    }

    /** {@code callers} closed loops sharing one transport; each records its own latencies. */
    private static final class Load {
        final AtomicLong errors = new AtomicLong();
        private final AuthTransport transport;
        private final TransportRequest request;
        private final Caller[] callers;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CountDownLatch stopped;

        Load(AuthTransport transport, TransportRequest request, int callers) {
            this.transport = transport;
            this.request = request;
            this.callers = new Caller[callers];
            this.stopped = new CountDownLatch(callers);
        }

        /** Runs for {@code duration}, then waits for the requests in flight; returns the measured nanoseconds. */
        long runFor(Duration duration) throws InterruptedException {
            long start = System.nanoTime();
            for (int i = 0; i < callers.length; i++) {
                callers[i] = new Caller();
                callers[i].next();
            }
            TimeUnit.NANOSECONDS.sleep(duration.toNanos()); // the measurement window itself
            stop.set(true);
            long elapsed = System.nanoTime() - start;
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("callers did not stop");
            }
            return elapsed;
        }

        long[] latencies() {
            return Arrays.stream(callers).flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).toArray();
        }

        /** One closed loop. Its completions are sequential, each happening-after the previous one. */
        private final class Caller {
            private long[] latencies = new long[1024];
            private int count;

            void next() {
                long start = System.nanoTime();
                transport.execute(request).whenComplete((response, failure) -> {
                    long latency = System.nanoTime() - start;
                    if (failure != null || response.status() != 200) {
                        errors.incrementAndGet();
                    } else if (!stop.get()) {
                        record(latency);
                    }
                    if (stop.get()) {
                        stopped.countDown();
                    } else {
                        next();
                    }
                });
            }

            private void record(long latency) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = latency;
            }
        }
    }
}
