package io.qbauth.e2e.bench;

import io.qbauth.QbAuthClient;
import io.qbauth.config.TransportConfig;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java SDK against its peer, the official QuickBlox JavaScript SDK ({@code quickblox} 2.23.0 on node, driven by
 * {@code interop/peer-bench.js}), in one run against one embedded emulator on the same machine: {@code clients}
 * clients (16 by default), each looping one operation, closed loop:
 *
 * <ul>
 *   <li>{@code create}: application-session creation (a signed {@code POST /session.json}): the JS SDK's
 *       {@code createSession}, the Java SDK's {@code client.blocking().createApplicationSession()};</li>
 *   <li>{@code get}: {@code GET /session.json} with the client's token: the JS SDK's {@code getSession}, the Java
 *       SDK's {@code client.getSession()} (which also parses the reply into a {@code Session}).</li>
 * </ul>
 *
 * The JS SDK runs one node process holding one SDK instance per client; the Java SDK one {@code QbAuthClient} per
 * client (a virtual thread each), all clients of a transport sharing one transport with its default pool. Every
 * (side, operation) pair runs once per round, the rounds interleave the sides so that noise from other processes
 * hits all alike, and the median round is reported with the Java/JS ratios of throughput and of CPU time per
 * operation (client and emulator together: on a loaded machine the CPU per operation moves less than the rate).
 * The emulator's own cost (signature check, session bookkeeping) is in every figure alike; on a 2-core machine the
 * emulator and the client share the cores.
 *
 * <p>Run: {@code npm ci --prefix interop} once, then {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@peer
 * [-Dpeer.seconds=5 -Dpeer.warmup=2 -Dpeer.rounds=3 -Dpeer.clients=16 -Dpeer.only=REGEX -Dpeer.operations=REGEX]}:
 * {@code peer.only} keeps the sides whose name it finds ({@code js}, {@code Java SDK, jdk}, {@code Java SDK, vertx}),
 * {@code peer.operations} the operations ({@code create}, {@code get}); the ratios need the JS side.
 */
public final class PeerBenchmark {

    private static final Pattern RESULT = Pattern.compile("^RESULT (\\{.*})$", Pattern.MULTILINE);
    private static final List<String> OPERATIONS = List.of("create", "get");
    private static final String JS = "js";

    /**
     * One measured (side, operation) pair. {@code cpuMicrosPerOp}: CPU time per operation of the client and the
     * emulator together (for the JS side node's own plus this process's, which then runs only the emulator).
     */
    private record Measured(String side, String operation, double opsPerSecond, double p50Micros, double p99Micros,
                            double cpuMicrosPerOp) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PeerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("peer.seconds", 5));
        Duration warmup = Duration.ofSeconds(Long.getLong("peer.warmup", 2));
        int rounds = Integer.getInteger("peer.rounds", 3);
        int clients = Integer.getInteger("peer.clients", 16);
        String node = System.getProperty("peer.node", "node");
        // regexes: the sides ("js", "Java SDK, jdk", "Java SDK, vertx") and operations to run; empty: all
        Pattern sides = Pattern.compile(System.getProperty("peer.only", ""));
        List<String> operations = OPERATIONS.stream()
                .filter(Pattern.compile(System.getProperty("peer.operations", "")).asPredicate()).toList();
        boolean withJs = sides.matcher(JS).find();
        Path interop = withJs ? interopDirectory() : null;
        List<AutoCloseable> opened = new ArrayList<>();
        // a run creates some 10^5 sessions per side: lift the emulator's cap on live sessions (100 000 by default)
        try (QbEmulator emulator = QuickBloxFixture.emulator().maxSessionsPerApp(Integer.MAX_VALUE).start()) {
            Map<String, Map<String, IntFunction<ClosedLoop.Operation>>> javaSides = new LinkedHashMap<>(); // by name
            for (TransportUnderTest transportUnderTest : TransportUnderTest.all().toList()) {
                if (!sides.matcher("Java SDK, " + transportUnderTest.name()).find()) {
                    continue;
                }
                javaSides.put("Java SDK, " + transportUnderTest.name(),
                        javaOperations(emulator, transportUnderTest, clients, opened));
            }
            System.out.println("JDK " + Runtime.version() + ", node " + nodeVersion(node) + ", "
                    + Runtime.getRuntime().availableProcessors() + " cpus, load average " + loadAverage() + "; "
                    + clients + " clients per side; " + rounds + " interleaved rounds of " + warmup.toSeconds()
                    + " s warm-up + " + measure.toSeconds() + " s measured per side and operation; median round");
            for (Map<String, IntFunction<ClosedLoop.Operation>> side : javaSides.values()) { // JIT warm-up
                for (IntFunction<ClosedLoop.Operation> operation : side.values()) {
                    ClosedLoop.run("JIT warm-up", clients, Duration.ZERO, warmup, operation);
                }
            }
            Map<String, List<Measured>> byPair = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String operation : operations) {
                    if (withJs) {
                        Measured js = runJs(node, interop, emulator, operation, clients, warmup, measure);
                        byPair.computeIfAbsent(JS + " " + operation, key -> new ArrayList<>()).add(js);
                        System.out.println(row(js));
                    }
                    for (var side : javaSides.entrySet()) {
                        ClosedLoop.Result result = ClosedLoop.run(side.getKey() + " " + operation, clients, warmup,
                                measure, side.getValue().get(operation));
                        Measured java = new Measured(side.getKey(), operation, result.opsPerSecond(),
                                result.p50Nanos() / 1e3, result.p99Nanos() / 1e3, result.cpuMicrosPerOperation());
                        byPair.computeIfAbsent(side.getKey() + " " + operation, key -> new ArrayList<>()).add(java);
                        System.out.println(row(java));
                    }
                }
            }
            System.out.println("load average after: " + loadAverage());
            if (withJs) {
                report(byPair, operations, javaSides.keySet(), clients);
            }
        } finally {
            for (AutoCloseable closeable : opened.reversed()) {
                closeable.close();
            }
        }
    }

    /** {@code clients} Java SDK clients on one transport, each with a session: caller {@code i} uses client {@code i}. */
    private static Map<String, IntFunction<ClosedLoop.Operation>> javaOperations(
            QbEmulator emulator, TransportUnderTest under, int clients, List<AutoCloseable> opened) {
        AuthTransport transport = under.create(TransportConfig.defaults());
        opened.add(transport);
        List<QbAuthClient> perCaller = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            QbAuthClient client = QuickBloxFixture.client(emulator, transport).build();
            opened.add(client);
            client.blocking().createApplicationSession();
            perCaller.add(client);
        }
        Map<String, IntFunction<ClosedLoop.Operation>> operations = new LinkedHashMap<>();
        operations.put("create", caller -> () -> perCaller.get(caller).blocking().createApplicationSession());
        operations.put("get", caller -> () -> perCaller.get(caller).getSession().toCompletableFuture().join());
        return operations;
    }

    private static Measured runJs(String node, Path interop, QbEmulator emulator, String operation, int clients,
                                  Duration warmup, Duration measure) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(node, "peer-bench.js", emulator.baseUrl().toString(),
                Long.toString(QuickBloxFixture.APP_ID), QuickBloxFixture.AUTH_KEY, QuickBloxFixture.AUTH_SECRET,
                operation, Integer.toString(clients), Long.toString(warmup.toMillis()),
                Long.toString(measure.toMillis()))
                .directory(interop.toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        long emulatorCpuNanos = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            long cpuAtStart = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("# measuring")) {
                    cpuAtStart = OS.getProcessCpuTime();
                } else if (line.equals("# measured")) {
                    emulatorCpuNanos = OS.getProcessCpuTime() - cpuAtStart;
                }
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("peer-bench.js did not end");
        }
        Matcher result = RESULT.matcher(output);
        if (process.exitValue() != 0 || !result.find()) {
            throw new IllegalStateException("peer-bench.js " + operation + " failed (exit " + process.exitValue()
                    + "):\n" + output);
        }
        String json = result.group(1);
        double ops = number(json, "ops");
        double cpuMicrosPerOp = ops == 0 ? 0 : (number(json, "cpuMicros") + emulatorCpuNanos / 1e3) / ops;
        return new Measured(JS, operation, number(json, "opsPerSecond"), number(json, "p50Micros"),
                number(json, "p99Micros"), cpuMicrosPerOp);
    }

    /** A numeric field of the one flat JSON object peer-bench.js prints. */
    private static double number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":([-0-9.eE+]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static void report(Map<String, List<Measured>> byPair, List<String> operations,
                               Iterable<String> javaSides, int clients) {
        System.out.println();
        System.out.println("| side (" + clients + " clients) | operation | ops/s | p50 | p99 | CPU/op | vs JS SDK |"
                + " CPU/op vs JS SDK |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String operation : operations) {
            Measured js = median(byPair.get(JS + " " + operation));
            System.out.println(markdown(js, "JS SDK (quickblox 2.23.0, node)", js));
            for (String side : javaSides) {
                System.out.println(markdown(median(byPair.get(side + " " + operation)), side, js));
            }
        }
    }

    private static Measured median(List<Measured> rounds) {
        List<Measured> sorted = rounds.stream().sorted(Comparator.comparingDouble(Measured::opsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String row(Measured measured) {
        return String.format("%-20s %-6s %8.0f ops/s  p50 %8.1f us  p99 %8.1f us  cpu %6.1f us/op", measured.side(),
                measured.operation(), measured.opsPerSecond(), measured.p50Micros(), measured.p99Micros(),
                measured.cpuMicrosPerOp());
    }

    private static String markdown(Measured measured, String side, Measured js) {
        return String.format("| %s | %s | %,.0f | %.2f ms | %.2f ms | %.0f µs | %.2f× | %.2f× |", side,
                measured.operation().equals("create") ? "create application session" : "get session",
                measured.opsPerSecond(), measured.p50Micros() / 1e3, measured.p99Micros() / 1e3,
                measured.cpuMicrosPerOp(), measured.opsPerSecond() / js.opsPerSecond(),
                measured.cpuMicrosPerOp() / js.cpuMicrosPerOp());
    }

    /** {@code interop/} of the project, from the module directory (exec:exec) or the project root. */
    private static Path interopDirectory() {
        String configured = System.getProperty("peer.interop");
        List<Path> candidates = configured != null && !configured.isBlank() ? List.of(Path.of(configured))
                : List.of(Path.of("../interop"), Path.of("interop"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("peer-bench.js"))) {
                if (!Files.isDirectory(candidate.resolve("node_modules/quickblox"))) {
                    throw new IllegalStateException("the JS SDK is not installed: run npm ci --prefix "
                            + candidate.toAbsolutePath().normalize());
                }
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no interop/peer-bench.js in " + candidates + " (set -Dpeer.interop)");
    }

    private static String nodeVersion(String node) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(10, TimeUnit.SECONDS);
        return version;
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
