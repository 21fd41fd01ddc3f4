package io.qbauth.e2e.bench;

import io.qbauth.BlockingPooledUser;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.store.redis.AesGcmSessionCipher;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.testkit.redis.RedisServerProcess;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What the shared Redis store costs (issue 13), each figure measured side by side with the same thing without the
 * store, in one run, rounds interleaved, on the embedded emulator over real HTTP (JDK transport) and a real
 * {@code redis-server} started here on a free port:
 *
 * <ol>
 *   <li><b>hot</b>: authenticated calls on a live session at {@code fleet.callers} (64) closed-loop callers, a
 *       client without the store and one with it: the fast path never touches Redis, so no loss is expected;</li>
 *   <li><b>creation</b>: the latency of creating a session for an identity nobody has yet, locally (one
 *       {@code POST /session.json}) and coordinated (read, lease, create, publish: the Redis round trips added), at
 *       {@code fleet.creationCallers} callers (1 and 8);</li>
 *   <li><b>operations</b>: Redis commands per identity per expiry window ({@code INFO commandstats}) for
 *       {@code fleet.identities} identities on {@code fleet.instances} instances over {@code fleet.windows}
 *       windows of a 2-second session TTL, and the sessions created with and without the store.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@fleet} ({@code -Dbench.seconds=5 -Dbench.warmup=2
 * -Dbench.rounds=3 -Dfleet.only=hot|creation|operations}).
 */
public final class FleetStoreBenchmark {

    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 2));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CALLERS = Integer.getInteger("fleet.callers", 64);
    private static final int[] CREATION_CALLERS = Arrays.stream(System.getProperty("fleet.creationCallers", "1,8")
            .split(",")).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    private static final int IDENTITIES = Integer.getInteger("fleet.identities", 50);
    private static final int INSTANCES = Integer.getInteger("fleet.instances", 4);
    private static final int WINDOWS = Integer.getInteger("fleet.windows", 3);
    private static final Pattern ONLY = Pattern.compile(blankToAll(System.getProperty("fleet.only", "")));
    private static final Duration SHORT_TTL = Duration.ofSeconds(2);

    private FleetStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, load average " + loadAverage() + "; " + ROUNDS + " interleaved rounds of " + WARMUP
                .toSeconds() + " s warm-up + " + MEASURE.toSeconds() + " s, median round");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (RedisServerProcess redis = RedisServerProcess.startStandalone()) {
            if (ONLY.matcher("hot").find()) {
                hotPath(redis, key);
            }
            if (ONLY.matcher("creation").find()) {
                creation(redis, key);
            }
            if (ONLY.matcher("operations").find()) {
                operations(redis, key);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    /** 1. Calls on a live session, without and with the store. */
    private static void hotPath(RedisServerProcess redis, byte[] key) throws Exception {
        System.out.println();
        System.out.println("## hot path: execute(GET /users/{id}.json) on a live user session, " + CALLERS
                + " callers");
        List<AutoCloseable> opened = new ArrayList<>();
        try (QbEmulator emulator = QuickBloxFixture.emulator().journalSize(0).start()) {
            RedisSessionStore store = open(opened, store(redis, key));
            Credentials alice = Credentials.login(QuickBloxFixture.ALICE_LOGIN, QuickBloxFixture.ALICE_PASSWORD);
            QbAuthClient plain = open(opened, QuickBloxFixture.client(emulator,
                    open(opened, JdkAuthTransport.create(TransportConfig.defaults()))).build());
            QbAuthClient shared = open(opened, QuickBloxFixture.client(emulator,
                    open(opened, JdkAuthTransport.create(TransportConfig.defaults()))).sharedStore(store).build());
            long id = plain.blocking().createUserSession(alice).userId();
            shared.blocking().createUserSession(alice);
            ApiRequest call = ApiRequest.get("/users/" + id + ".json");
            long before = commands(redis);
            long creationsBefore = emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated();
            Map<String, ClosedLoop.Operation> variants = new LinkedHashMap<>();
            variants.put("execute, no store", () -> plain.blocking().execute(call));
            variants.put("execute, Redis store", () -> shared.blocking().execute(call));
            Map<String, List<ClosedLoop.Result>> results = interleave(variants, CALLERS);
            report(results, "execute, no store");
            System.out.println("Redis commands during the hot-path rounds: " + (commands(redis) - before)
                    + "; sessions created: " + (emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated()
                    - creationsBefore));
        } finally {
            closeAll(opened);
        }
    }

    /** 2. A creation for a new identity, locally and coordinated. */
    private static void creation(RedisServerProcess redis, byte[] key) throws Exception {
        for (int callers : CREATION_CALLERS) {
            System.out.println();
            System.out.println("## creation: a session for an identity nobody has yet (pool.forUser(new facebook "
                    + "user).getSession()), " + callers + " caller(s)");
            List<AutoCloseable> opened = new ArrayList<>();
            try (QbEmulator emulator = QuickBloxFixture.emulator().journalSize(0).maxSessionsPerApp(1_000_000)
                    .start()) {
                RedisSessionStore store = open(opened, store(redis, key));
                UserPool local = open(opened, QuickBloxFixture.client(emulator,
                        open(opened, JdkAuthTransport.create(TransportConfig.defaults())))
                        .buildUserPool(UserPoolConfig.defaults()));
                UserPool coordinated = open(opened, QuickBloxFixture.client(emulator,
                        open(opened, JdkAuthTransport.create(TransportConfig.defaults()))).sharedStore(store)
                        .buildUserPool(UserPoolConfig.defaults()));
                AtomicLong next = new AtomicLong();
                long runId = System.nanoTime();
                Map<String, ClosedLoop.Operation> variants = new LinkedHashMap<>();
                variants.put("creation, local", () -> createFor(local, "l", runId, next.incrementAndGet()));
                variants.put("creation, coordinated (Redis)", () -> createFor(coordinated, "c", runId,
                        next.incrementAndGet()));
                long before = commands(redis);
                long creationsBefore = emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated();
                Map<String, List<ClosedLoop.Result>> results = interleave(variants, callers);
                report(results, "creation, local");
                long creations = emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated() - creationsBefore;
                System.out.printf(Locale.ROOT, "sessions created: %d; Redis commands: %d (the coordinated "
                        + "creations' and their warm-ups')%n", creations, commands(redis) - before);
            } finally {
                closeAll(opened);
            }
        }
    }

    private static void createFor(UserPool pool, String side, long runId, long n) {
        String user = "fleet-bench-" + side + "-" + runId + "-" + n;
        pool.forUser(user, Credentials.facebook(ProviderTokens.facebook(user))).blocking().getSession();
    }

    /** 3. Redis commands per identity per expiry window, and the creations with and without the store. */
    private static void operations(RedisServerProcess redis, byte[] key) throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "## operations: %d identities x %d instances x %d expiry windows, session "
                + "TTL %d s%n", IDENTITIES, INSTANCES, WINDOWS, SHORT_TTL.toSeconds());
        for (boolean shared : new boolean[] {false, true}) {
            List<AutoCloseable> opened = new ArrayList<>();
            try (QbEmulator emulator = QuickBloxFixture.emulator().journalSize(0).sessionTtl(SHORT_TTL).start()) {
                List<List<BlockingPooledUser>> instances = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    QbAuth.Builder builder = QuickBloxFixture.client(emulator,
                            open(opened, JdkAuthTransport.create(TransportConfig.defaults())))
                            .refreshPolicy(RefreshPolicy.custom().prefetchMargin(SHORT_TTL.dividedBy(4))
                                    .staleMargin(SHORT_TTL.dividedBy(8)).build());
                    if (shared) {
                        builder.sharedStore(open(opened, store(redis, key)));
                    }
                    UserPool pool = open(opened, builder.buildUserPool(UserPoolConfig.defaults()));
                    List<BlockingPooledUser> users = new ArrayList<>();
                    for (int u = 0; u < IDENTITIES; u++) {
                        String user = "fleet-ops-" + u;
                        users.add(pool.forUser(user, Credentials.facebook(ProviderTokens.facebook(user)))
                                .blocking());
                    }
                    instances.add(users);
                }
                Thread.sleep(500); // the stores' connections are up: count from here
                Map<String, Long> before = redis.commandCalls();
                long creationsBefore = emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated();
                long started = System.nanoTime();
                for (int window = 0; window <= WINDOWS; window++) {
                    if (window > 0) {
                        Thread.sleep(SHORT_TTL.plusMillis(1500).toMillis()); // every session expires
                    }
                    everyPairAtOnce(instances);
                }
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                Map<String, Long> delta = delta(before, redis.commandCalls());
                long creations = emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated() - creationsBefore;
                long total = delta.values().stream().mapToLong(Long::longValue).sum();
                long scripts = delta.getOrDefault("evalsha", 0L) + delta.getOrDefault("eval", 0L);
                double identityWaves = IDENTITIES * (WINDOWS + 1.0);
                System.out.printf(Locale.ROOT, "%-12s sessions created %5d (%.2f per identity per wave; one per "
                                + "identity and instance would be %.0f), %d ms%n", shared ? "Redis store" : "no store",
                        creations, creations / identityWaves, (double) INSTANCES, elapsedMs);
                if (shared) {
                    System.out.printf(Locale.ROOT, "%-12s Redis round trips (script calls) %d = %.2f per identity "
                                    + "per wave (%.2f per instance); commands run, those inside the scripts "
                                    + "included, %d = %.2f per identity per wave: %s%n", "", scripts,
                            scripts / identityWaves, scripts / identityWaves / INSTANCES, total,
                            total / identityWaves, delta);
                }
            } finally {
                closeAll(opened);
            }
        }
    }

    /** Every instance asks for every identity's session, all at once (one virtual thread per pair). */
    private static void everyPairAtOnce(List<List<BlockingPooledUser>> instances) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (List<BlockingPooledUser> users : instances) {
                for (BlockingPooledUser user : users) {
                    calls.add(threads.submit(() -> user.getSession()));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
    }

    private static Map<String, List<ClosedLoop.Result>> interleave(Map<String, ClosedLoop.Operation> variants,
            int callers) throws InterruptedException {
        for (ClosedLoop.Operation operation : variants.values()) {
            ClosedLoop.run("JIT warm-up", callers, Duration.ZERO, WARMUP, operation);
        }
        Map<String, List<ClosedLoop.Result>> results = new LinkedHashMap<>();
        List<Map.Entry<String, ClosedLoop.Operation>> order = new ArrayList<>(variants.entrySet());
        for (int round = 0; round < ROUNDS; round++) {
            // every other round in reverse order: the variant that runs first in a round is not always the same
            for (Map.Entry<String, ClosedLoop.Operation> variant : round % 2 == 0 ? order : order.reversed()) {
                ClosedLoop.Result result = ClosedLoop.run(variant.getKey(), callers, WARMUP, MEASURE,
                        variant.getValue());
                System.out.println("round " + (round + 1) + ": " + result.row());
                results.computeIfAbsent(variant.getKey(), name -> new ArrayList<>()).add(result);
            }
        }
        return results;
    }

    /** The median round of each variant and its ratios to {@code baseline}'s median round, then per round. */
    private static void report(Map<String, List<ClosedLoop.Result>> results, String baseline) {
        ClosedLoop.Result base = median(results.get(baseline));
        System.out.println("| variant | callers | ops/s | p50 | p99 | CPU/op | ops/s vs " + baseline + " | p50 | p99 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<ClosedLoop.Result>> entry : results.entrySet()) {
            ClosedLoop.Result median = median(entry.getValue());
            System.out.printf(Locale.ROOT, "%s %.2f× | %.2f× | %.2f× |%n", median.markdownRow(),
                    median.opsPerSecond() / base.opsPerSecond(), median.p50Nanos() / (double) base.p50Nanos(),
                    median.p99Nanos() / (double) base.p99Nanos());
        }
        // each round's variants ran back to back: their ratio is less exposed to the machine's drift than the
        // ratio of two median rounds
        List<ClosedLoop.Result> baseRounds = results.get(baseline);
        for (Map.Entry<String, List<ClosedLoop.Result>> entry : results.entrySet()) {
            if (entry.getKey().equals(baseline)) {
                continue;
            }
            double[] ratios = new double[baseRounds.size()];
            for (int round = 0; round < ratios.length; round++) {
                ratios[round] = entry.getValue().get(round).opsPerSecond() / baseRounds.get(round).opsPerSecond();
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s vs %s, ops/s per round: %s, median %.2f×%n", entry.getKey(), baseline,
                    Arrays.toString(Arrays.stream(ratios).map(r -> Math.round(r * 100) / 100.0).toArray()),
                    sorted[sorted.length / 2]);
        }
    }

    private static ClosedLoop.Result median(List<ClosedLoop.Result> results) {
        List<ClosedLoop.Result> sorted = results.stream()
                .sorted(Comparator.comparingDouble(ClosedLoop.Result::opsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static RedisSessionStore store(RedisServerProcess redis, byte[] key) {
        return RedisSessionStore.builder().uri(redis.uri()).cipher(AesGcmSessionCipher.withKey(key)).build();
    }

    private static long commands(RedisServerProcess redis) throws Exception {
        return redis.commandCalls().values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((command, calls) -> {
            long added = calls - before.getOrDefault(command, 0L);
            if (added > 0) {
                delta.put(command, added);
            }
        });
        return delta;
    }

    private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** Closes in reverse order: pools and clients before the stores and transports they use. */
    private static void closeAll(List<AutoCloseable> opened) throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private static String blankToAll(String regex) {
        return regex == null || regex.isBlank() ? "" : regex;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }
}
