package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.CallerThread;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import io.qbauth.testing.FakeQuickBlox;
import io.qbauth.testing.ManualClock;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The blocking facade's one rule for interrupts, whichever way the transport runs the exchange: an interrupted
 * caller gets {@link CancellationException} with its interrupt status kept, unless the call had already succeeded;
 * a caller interrupted before the call sends nothing.
 */
@Timeout(30)
class BlockingInterruptTest {

    private static final ApiRequest CALL = ApiRequest.get("/items.json");

    private final FakeQuickBlox server = new FakeQuickBlox(new ManualClock(Instant.parse("2030-01-01T00:00:00Z")));
    private final QbAuthClient client = QbAuth.builder().endpoint(URI.create("https://qb.test"))
            .applicationId(FakeQuickBlox.APP_ID).authKey("key").authSecret("secret").transport(server)
            .codec(new TestCodec()).build();

    @AfterEach
    void close() {
        client.close();
        Thread.interrupted(); // never leave the test thread interrupted for the next test
    }

    @Test
    void an_exchange_on_the_lent_thread_ended_by_the_callers_interrupt_is_a_cancellation() {
        client.blocking().createApplicationSession();
        TransportException ended = new TransportException(TransportException.Kind.IO, "GET /items.json: interrupted "
                + "before the reply", new InterruptedException());
        server.intercept(request -> {
            if (!CallerThread.claim()) {
                return null;
            }
            // what a transport on a blocking client does when the caller's own interrupt ends the exchange
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(ended);
        });

        assertThatThrownBy(() -> client.blocking().execute(CALL)).isInstanceOf(CancellationException.class)
                .hasCause(ended);
        assertThat(Thread.interrupted()).as("the interrupt status is kept").isTrue();
    }

    @Test
    void a_caller_interrupted_while_it_waits_gets_a_cancellation_and_keeps_its_interrupt() throws Exception {
        client.blocking().createApplicationSession();
        CountDownLatch sent = new CountDownLatch(1);
        server.intercept(request -> {
            sent.countDown();
            return new CompletableFuture<>(); // never answered
        });
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        CompletableFuture<Boolean> kept = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                client.blocking().execute(CALL);
                thrown.complete(null);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
            kept.complete(Thread.interrupted());
        });
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();

        assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(kept.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_caller_interrupted_before_the_call_sends_nothing() {
        client.blocking().createApplicationSession();
        int before = server.requests().size();

        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> client.blocking().execute(CALL)).isInstanceOf(CancellationException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void a_call_that_succeeded_on_the_lent_thread_before_the_interrupt_returns_its_result() {
        client.blocking().createApplicationSession();
        server.intercept(request -> {
            if (!CallerThread.claim()) {
                return null;
            }
            Thread.currentThread().interrupt(); // arrives just after the reply
            return CompletableFuture.completedFuture(FakeQuickBlox.reply(200, "{}", Map.of()));
        });

        assertThat(client.blocking().execute(CALL).status()).isEqualTo(200);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void a_failure_without_an_interrupt_is_thrown_as_it_is() {
        client.blocking().createApplicationSession();
        TransportException reset = TransportSupport.failure(new TransportRequest("GET",
                URI.create("https://qb.test/items.json"), Map.of(), null, Duration.ofSeconds(1)),
                TransportException.Kind.IO, "connection reset", null);
        server.intercept(request -> CompletableFuture.<ApiResponse>failedFuture(reset));

        assertThatThrownBy(() -> client.blocking().execute(CALL)).isSameAs(reset);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
