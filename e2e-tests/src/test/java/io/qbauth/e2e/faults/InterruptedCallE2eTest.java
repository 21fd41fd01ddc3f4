package io.qbauth.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A blocking caller interrupted while it waits for its <em>own</em> reply (the emulator holds the reply back): the
 * call throws {@link CancellationException}, the caller's interrupt status stays set, the call is abandoned, and
 * nothing interrupts the thread afterwards — the same on both transports. On the JDK transport the exchange runs on
 * the caller's (lent) thread, so the interrupt lands in the middle of the HTTP exchange itself.
 */
@Timeout(60)
class InterruptedCallE2eTest {

    /** Long enough that only the interrupt can end the call within {@link Within#BOUND}. */
    private static final Duration HELD_BACK = Duration.ofSeconds(30);
    /**
     * The slow call's own deadline, which the thread outlives in the test to catch a late interrupt; long enough that
     * the interrupt comes first even on a loaded machine.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    /** How long the caller's thread may take for the call, the sleep past the deadline and the next call. */
    private static final long OUTCOME_BOUND_SECONDS = Within.BOUND.plus(REQUEST_TIMEOUT).toSeconds() + 1;
    /** The call that waits for its own, slow reply. */
    private static final ApiRequest SLOW_CALL = ApiRequest.get("/session.json").timeout(REQUEST_TIMEOUT);

    @RegisterExtension
    static final FaultyEmulator EMULATOR = new FaultyEmulator();

    private final QbEmulator emu = EMULATOR.emulator();

    @TransportTest
    void a_caller_interrupted_while_waiting_for_its_own_reply_gets_a_cancellation_and_keeps_its_interrupt(
            TransportUnderTest transport) throws Exception {
        try (Sdk sdk = Sdk.start(transport, emu)) {
            Session session = Within.result(sdk.client().createApplicationSession()); // the call starts its own exchange
            FaultRule slow = emu.faults().set(Fault.latency(HELD_BACK).on("GET", "/session.json"));
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofVirtual().name("blocking-caller")
                    .start(() -> outcome.complete(Outcome.of(() -> sdk.blocking().execute(SLOW_CALL))));
            assertThat(Within.eventually(() -> slow.strikes() == 1)).as("the caller's request reached the server")
                    .isTrue();

            caller.interrupt();

            Outcome seen = outcome.get(OUTCOME_BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(seen.thrown()).as("what the blocking call threw").isInstanceOf(CancellationException.class);
            assertThat(seen.interruptKept()).as("the interrupt status after the call").isTrue();
            assertThat(seen.laterInterrupt()).as("an interrupt delivered to the thread after the call, past the "
                    + "abandoned exchange's deadline").isFalse();
            assertThat(seen.nextCall()).as("the next blocking call on the same thread").isNotNull();
            assertThat(seen.nextCall().status()).isEqualTo(200);
            assertThat(sdk.client().currentSession().map(Session::token)).as("the session was not blamed")
                    .hasValue(session.token());
            assertThat(slow.strikes()).as("the abandoned call was not sent again").isEqualTo(1);
        }
    }

    @TransportTest
    void a_caller_interrupted_before_the_call_gets_a_cancellation_and_nothing_is_sent(TransportUnderTest transport)
            throws Exception {
        try (Sdk sdk = Sdk.start(transport, emu)) {
            Within.result(sdk.client().createApplicationSession());
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                Thread.currentThread().interrupt();
                try {
                    sdk.blocking().execute(SLOW_CALL);
                    thrown.complete(null);
                } catch (RuntimeException e) {
                    thrown.complete(e);
                }
                interruptKept.complete(Thread.interrupted());
            });

            assertThat(thrown.get(Within.BOUND.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
            assertThat(interruptKept.get(Within.BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(sdk.recorder().sent("GET", "/session.json")).as("nothing sent").isEmpty();
        }
    }

    /**
     * What the caller's thread saw: what the blocking call threw, whether its interrupt status was set afterwards,
     * whether anything interrupted the thread after it cleared that status and slept past the abandoned exchange's
     * deadline, and the result of the next blocking call on the same thread.
     */
    private record Outcome(Throwable thrown, boolean interruptKept, boolean laterInterrupt, ApiResponse nextCall) {

        interface Call {
            ApiResponse run();
        }

        static Outcome of(Call call) {
            Throwable thrown = null;
            try {
                call.run();
            } catch (Throwable e) {
                thrown = e;
            }
            boolean interruptKept = Thread.interrupted();
            boolean laterInterrupt = false;
            try {
                Thread.sleep(REQUEST_TIMEOUT.plusMillis(500));
            } catch (InterruptedException e) {
                laterInterrupt = true;
            }
            EMULATOR.emulator().faults().clear();
            ApiResponse next;
            try {
                next = call.run();
            } catch (RuntimeException e) {
                next = null;
            }
            return new Outcome(thrown, interruptKept, laterInterrupt, next);
        }
    }
}
