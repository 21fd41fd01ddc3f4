package io.qbauth.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of malformed requests over raw sockets ({@link HostileRequests}, seeded): the emulator never answers
 * 5xx, never hangs (every request is answered, or its connection closed, within {@link #HANG_BOUND}), keeps its heap
 * flat, leaves no connection open, and still serves a valid journey afterwards.
 *
 * <p>{@code -Dfuzz.requests=N} (default 10 000), {@code -Dfuzz.seed=S}, {@code -Dfuzz.threads=T} (default 8).
 * Request {@code i} of a seed is always the same, so a failure names what to replay.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileInputFuzzTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_128L);
    private static final int THREADS = Integer.getInteger("fuzz.threads", 8);
    /** A request that looks complete gets this long for its answer before the probe closes its sending side. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(1);
    /** Answer or close within this, from connecting, or it is a hang. */
    private static final Duration HANG_BOUND = Duration.ofSeconds(10);
    /** The used heap after GC may grow this much over the run (sessions and users the fuzz legitimately created). */
    private static final long HEAP_GROWTH_BOUND = 48L * 1024 * 1024;

    @Test
    void malformed_requests_get_4xx_or_a_close_never_a_5xx_or_a_hang() throws Exception {
        UnexpectedFailures unexpected = UnexpectedFailures.install();
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
                .user(Fixtures.APP_ID, "mallory_fuzz", "malloryPass123")
                .start()) {
            QbClient client = new QbClient(emu.baseUrl(), Clock.systemUTC());
            Reply mallory = client.createSession("user[login]", "mallory_fuzz", "user[password]", "malloryPass123");
            HostileRequests requests = new HostileRequests(SEED, new HostileRequests.Targets(
                    mallory.session().getString("token"), mallory.session().getLong("user_id"), Fixtures.API_KEY));
            Probe probe = new Probe(emu.port(), ANSWER_WAIT, HANG_BOUND);
            FuzzStats stats = new FuzzStats();
            int warmUp = Math.min(500, REQUESTS / 10);

            run(requests, probe, stats, 0, warmUp);
            long heapBefore = usedHeapAfterGc();
            long start = System.nanoTime();
            run(requests, probe, stats, warmUp, REQUESTS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long heapAfter = usedHeapAfterGc();

            String summary = String.format("fuzz: seed %d, %d requests in %d ms (%d threads): answered %d, closed "
                            + "without answer %d, hangs %d, 5xx %d; statuses %s; slowest %d ms (#%d %s); used heap "
                            + "after GC %d KiB before, %d KiB after; unexpected exceptions (answered 400) %d",
                    SEED, stats.sent(), took.toMillis() + 0, THREADS, stats.count(Probe.Ending.ANSWERED),
                    stats.count(Probe.Ending.CLOSED_WITHOUT_ANSWER), stats.count(Probe.Ending.HANG),
                    stats.serverErrors(), stats.statuses(), stats.slowest().elapsed().toMillis(),
                    stats.slowest().index(), stats.slowest().description(), heapBefore / 1024, heapAfter / 1024,
                    unexpected.count());
            System.out.println(summary);

            assertThat(stats.sent()).isEqualTo(REQUESTS);
            assertThat(stats.failures()).as(summary).isEmpty();
            assertThat(serverSideErrorStatuses(client.http())).as("5xx the emulator counted").isEmpty();
            assertThat(heapAfter - heapBefore).as(summary).isLessThan(HEAP_GROWTH_BOUND);
            assertThat(awaitConnectionsBelow(emu, 2)).as("connections left open").isLessThanOrEqualTo(1);
            validJourneyStillWorks(client);
        } finally {
            unexpected.uninstall();
        }
    }

    private static void run(HostileRequests requests, Probe probe, FuzzStats stats, int from, int to)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>(to - from);
            for (long i = from; i < to; i++) {
                long index = i;
                done.add(pool.submit(() -> {
                    HostileRequest request = requests.request(index);
                    try {
                        stats.record(index, request, probe.send(request));
                    } catch (IOException e) {
                        stats.fail("#" + index + " could not connect or send: " + e + ": " + request.description());
                    }
                }));
            }
            for (Future<?> future : done) {
                try {
                    future.get(HANG_BOUND.toSeconds() * 3, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    stats.fail("probe failed: " + e);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(HANG_BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static List<String> serverSideErrorStatuses(Http http) {
        return http.get("/_emulator/metrics").body().lines()
                .filter(line -> line.startsWith("qbemulator_http_responses_total{code=\"5"))
                .toList();
    }

    private static void validJourneyStillWorks(QbClient client) {
        Reply session = client.createSession();
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        String token = session.session().getString("token");
        Reply login = client.login(token, "login=" + Fixtures.ALICE_LOGIN + "&password=" + Fixtures.ALICE_PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(202);
        long aliceId = login.user().getLong("id");
        Http http = client.http();
        assertThat(http.get("/users/" + aliceId + ".json", "QB-Token", token).status()).isEqualTo(200);
        Reply renamed = http.put("/users/" + aliceId + ".json", Http.FORM, "user[full_name]=After%20Fuzz",
                "QB-Token", token);
        assertThat(renamed.user().getString("full_name")).isEqualTo("After Fuzz");
        assertThat(client.signUp(token, "user[login]=after_fuzz&user[password]=Passw0rd-after").status())
                .isEqualTo(201);
        assertThat(client.logout(token).status()).isEqualTo(200);
        assertThat(client.deleteSession(token).status()).isEqualTo(200);
        assertThat(client.getSession(token).status()).isEqualTo(401);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static long awaitConnectionsBelow(QbEmulator emu, long bound) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_BOUND.toNanos();
        while (emu.openConnections() >= bound && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return emu.openConnections();
    }

    /** Counts the emulator's "unexpected ... answered 400" warnings: handled, but worth knowing about. */
    private static final class UnexpectedFailures extends Handler {

        private static final Logger FAILURES = Logger.getLogger("io.qbauth.emulator.internal.http.FailureHandler");

        private final LongAdder count = new LongAdder();

        static UnexpectedFailures install() {
            UnexpectedFailures handler = new UnexpectedFailures();
            FAILURES.addHandler(handler);
            if (Boolean.getBoolean("fuzz.debug")) {
                FAILURES.setLevel(Level.ALL);
            }
            return handler;
        }

        void uninstall() {
            FAILURES.removeHandler(this);
        }

        long count() {
            return count.sum();
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null && Boolean.getBoolean("fuzz.debug")) {
                record.getThrown().printStackTrace(System.out);
            }
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                count.increment();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
