package io.qbauth.e2e.faults;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that went through every connection-level fault (stalled and reset replies, timeouts, 5xx) and were closed
 * leave nothing behind: no connection open at the server and no platform thread more than before (the JDK
 * transport's internal tasks run on virtual threads, which the JVM does not list).
 */
@Timeout(120)
class LeakE2eTest {

    private static final int ROUNDS = 2;
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final QbEmulator emu = QuickBloxFixture.emulator().start();

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    @TransportTest
    void closed_clients_leave_no_connection_and_no_thread_after_faults(TransportUnderTest transport)
            throws InterruptedException {
        long aliceId = faultyJourney(transport);
        awaitNoConnections();
        ThreadCensus baseline = settledCensus(null);

        for (int round = 0; round < ROUNDS; round++) {
            faultyJourney(transport);
        }

        assertThat(awaitNoConnections()).as("connections still open at the emulator").isZero();
        ThreadCensus after = settledCensus(baseline);
        assertThat(after.grownSince(baseline)).as("thread families that grew over %d closed clients; before %s, "
                + "after %s", ROUNDS, baseline.families(), after.families()).isEmpty();
        assertThat(aliceId).isPositive();
    }

    /**
     * One client through a stalled reply (a timeout), a reset, a 502, parallel calls and a login; then closed with a
     * call still waiting on a stalled reply.
     */
    private long faultyJourney(TransportUnderTest transport) {
        try (Sdk sdk = FaultySdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            emu.faults().set(Fault.neverEnds().on("POST", "/users.json").times(1));
            Within.failure(sdk.client().signUp(Users.fresh()));
            emu.faults().set(Fault.connectionReset().on("POST", "/users.json").times(1));
            Within.failure(sdk.client().signUp(Users.fresh()));
            emu.faults().set(Fault.htmlErrorPage().on("GET", "/session.json").times(1));
            Within.failure(sdk.client().getSession());
            long aliceId = Within.result(sdk.client().login(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD))).id();
            List<CompletableFuture<ApiResponse>> parallel = IntStream.range(0, 16)
                    .mapToObj(i -> sdk.client().execute(ApiRequest.get("/users/" + aliceId + ".json"))
                            .toCompletableFuture())
                    .toList();
            Within.result(CompletableFuture.allOf(parallel.toArray(CompletableFuture[]::new)));
            FaultRule stall = emu.faults().set(Fault.neverEnds().on("GET", "/users/*").times(1));
            CompletableFuture<ApiResponse> stalledAtClose = sdk.client()
                    .execute(ApiRequest.get("/users/" + aliceId + ".json")).toCompletableFuture();
            awaitStrike(stall);
            assertThat(stalledAtClose).as("closing with this call in flight").isNotDone();
            return aliceId;
        } finally {
            emu.faults().clear();
        }
    }

    private static void awaitStrike(FaultRule rule) {
        assertThat(Within.eventually(() -> rule.strikes() == 1)).as("the stalled call reached the emulator").isTrue();
    }

    private long awaitNoConnections() {
        Within.eventually(() -> emu.openConnections() == 0);
        return emu.openConnections();
    }

    /** The census once threads stopped ending (or, with a baseline, once nothing has grown), within 10 s. */
    private static ThreadCensus settledCensus(ThreadCensus baseline) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        ThreadCensus previous = ThreadCensus.now();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            ThreadCensus current = ThreadCensus.now();
            boolean done = baseline == null
                    ? current.total() == previous.total()
                    : current.grownSince(baseline).isEmpty();
            if (done) {
                return current;
            }
            previous = current;
        }
        return previous;
    }
}
