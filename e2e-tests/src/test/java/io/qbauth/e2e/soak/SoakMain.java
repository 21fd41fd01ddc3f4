package io.qbauth.e2e.soak;

import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak run: the session-refresh scenario at a fixed rate for {@code soak.minutes} (default 10) against the
 * embedded emulator, with short sessions (3 s) that expire between each client's waves of calls, and an emulator
 * restart every minute that loses every session. Prints a line per minute and a verdict; exits 1 on any error,
 * heap growth after full GC, or thread growth. Not a test: {@code ./mvnw -q -pl e2e-tests test-compile
 * exec:exec@soak} (settings in {@link SoakConfig}).
 */
public final class SoakMain {

    private static final int MAX_IN_FLIGHT = 1_000;
    private static final long HEAP_GROWTH_BOUND = 16L * 1024 * 1024;
    private static final int THREAD_GROWTH_BOUND = 2;
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        SoakConfig config = SoakConfig.fromSystemProperties();
        List<String> report = new ArrayList<>();
        print(report, "soak: " + config + "; JDK " + Runtime.version() + ", " + Runtime.getRuntime()
                .availableProcessors() + " CPUs, load " + ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        int clientsTotal = config.clientsPerTransport() * config.transports().size();
        QbEmulator.Builder emulatorBuilder = QbEmulator.builder().host("127.0.0.1").port(0)
                .app(EmulatorApp.of(SoakClient.APP_ID, SoakClient.AUTH_KEY, SoakClient.AUTH_SECRET))
                .sessionTtl(config.ttl())
                .passwordHashIterations(1_000);
        for (int i = 0; i < clientsTotal; i++) {
            emulatorBuilder.user(SoakClient.APP_ID, SoakClient.login(i), SoakClient.PASSWORD);
        }
        boolean passed;
        try (QbEmulator emulator = emulatorBuilder.start()) {
            List<AuthTransport> transports = new ArrayList<>();
            List<SoakClient> clients = new ArrayList<>();
            try {
                startClients(config, emulator, transports, clients);
                passed = run(config, emulator, clients, report);
            } finally {
                clients.forEach(SoakClient::close);
                transports.forEach(AuthTransport::close);
            }
        }
        Path file = Path.of(System.getProperty("soak.report", "target/soak-report.txt"));
        writeReport(file, report);
        System.exit(passed ? 0 : 1);
    }

    private static void startClients(SoakConfig config, QbEmulator emulator, List<AuthTransport> transports,
            List<SoakClient> clients) throws Exception {
        int total = config.clientsPerTransport() * config.transports().size();
        int index = 0;
        for (String name : config.transports()) {
            TransportUnderTest kind = TransportUnderTest.all().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown transport " + name));
            AuthTransport transport = kind.create(TransportConfig.defaults());
            transports.add(transport);
            for (int i = 0; i < config.clientsPerTransport(); i++, index++) {
                Duration offset = config.wave().multipliedBy(index).dividedBy(total);
                clients.add(SoakClient.start(emulator, transport, index, config.ttl(), offset));
            }
        }
    }

    private static boolean run(SoakConfig config, QbEmulator emulator, List<SoakClient> clients,
            List<String> report) throws InterruptedException {
        SoakStats stats = new SoakStats();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long startNanos = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("soak-ticker").daemon().factory());
        ticker.scheduleAtFixedRate(() -> tick(config, clients, stats, inFlight, next, startNanos),
                0, 1_000_000L / config.rate(), TimeUnit.MICROSECONDS);
        if (!config.restartEvery().isZero()) {
            ticker.scheduleAtFixedRate(emulator::restart, config.restartEvery().toMillis(),
                    config.restartEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            Thread.sleep(config.warmUp().toMillis());
            stats.interval();
            Figures start = Figures.take();
            long callsAtStart = stats.calls();
            long errorsAtStart = stats.errors();
            long sessionsAtStart = emulator.stats(SoakClient.APP_ID).sessionsCreated();
            print(report, "start (after " + config.warmUp().toSeconds() + " s warm-up, " + callsAtStart
                    + " calls, " + errorsAtStart + " errors): " + start);
            long measuredStart = System.nanoTime();
            Duration elapsed = Duration.ZERO;
            while (elapsed.compareTo(config.duration()) < 0) {
                Duration step = min(REPORT_EVERY, config.duration().minus(elapsed));
                Thread.sleep(step.toMillis());
                elapsed = Duration.ofNanos(System.nanoTime() - measuredStart);
                SoakStats.Interval interval = stats.interval();
                print(report, String.format("t=%4ds calls=%6d errors=%d p50=%.1fms p99=%.1fms max=%.1fms "
                        + "sessionsCreated=%d connections=%d %s", elapsed.toSeconds(), interval.calls(),
                        interval.errors(), interval.p50(), interval.p99(), interval.max(),
                        emulator.stats(SoakClient.APP_ID).sessionsCreated() - sessionsAtStart,
                        emulator.openConnections(), Figures.take()));
            }
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
                Thread.sleep(10);
            }
            Figures end = Figures.take();
            long calls = stats.calls() - callsAtStart;
            long errors = stats.errors() - errorsAtStart;
            print(report, "end: " + end);
            print(report, String.format("measured %d s: %d calls (%.1f/s), %d errors %s, %d skipped (in flight "
                            + "over %d), max latency %.1f ms; sessions created %d, restarts every %d s; heap after "
                            + "full GC %d -> %d KiB; platform threads %d -> %d",
                    config.duration().toSeconds(), calls, calls * 1.0 / Math.max(1, config.duration().toSeconds()),
                    errors, stats.errorTypes(), stats.skippedCalls(), MAX_IN_FLIGHT, stats.maxMillis(),
                    emulator.stats(SoakClient.APP_ID).sessionsCreated() - sessionsAtStart,
                    config.restartEvery().toSeconds(), start.heapKiB(), end.heapKiB(), start.threads(),
                    end.threads()));
            boolean passed = stats.errors() == 0 && stats.skippedCalls() == 0
                    && (end.heapKiB() - start.heapKiB()) * 1024 <= HEAP_GROWTH_BOUND
                    && end.threads() - start.threads() <= THREAD_GROWTH_BOUND;
            print(report, "verdict: " + (passed ? "PASS" : "FAIL") + " (no error, no skipped call, heap growth <= "
                    + HEAP_GROWTH_BOUND / 1024 / 1024 + " MiB, thread growth <= " + THREAD_GROWTH_BOUND + ")");
            return passed;
        } finally {
            ticker.shutdownNow();
        }
    }

    private static void tick(SoakConfig config, List<SoakClient> clients, SoakStats stats, AtomicInteger inFlight,
            AtomicInteger next, long startNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        for (int tries = 0; tries < clients.size(); tries++) {
            SoakClient client = clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
            if (client.isActive(elapsed, config)) {
                if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                    inFlight.decrementAndGet();
                    stats.skipped();
                    return;
                }
                long sent = System.nanoTime();
                client.call().whenComplete((response, failure) -> {
                    long micros = (System.nanoTime() - sent) / 1_000;
                    if (failure == null) {
                        stats.succeeded(micros);
                    } else {
                        stats.failed(micros, failure);
                    }
                    inFlight.decrementAndGet();
                });
                return;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void print(List<String> report, String line) {
        System.out.println(line);
        report.add(line);
    }

    private static void writeReport(Path file, List<String> report) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, report);
        System.out.println("report: " + file.toAbsolutePath());
    }

    /** Used heap after a full GC and live platform threads. */
    private record Figures(long heapKiB, int threads) {

        static Figures take() throws InterruptedException {
            long least = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
                least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            return new Figures(least / 1024, ManagementFactory.getThreadMXBean().getThreadCount());
        }

        @Override
        public String toString() {
            return "heapAfterGc=" + heapKiB + " KiB threads=" + threads;
        }
    }
}
