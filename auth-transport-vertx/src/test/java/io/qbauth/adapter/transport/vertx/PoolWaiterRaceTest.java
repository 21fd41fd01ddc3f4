package io.qbauth.adapter.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.testkit.transport.RawServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vert.x connection-pool race of eclipse-vertx/vert.x#6169 (fixed by #6170, in Vert.x 5.1.6 here): a waiter
 * queued for a pooled connection, handed a recycled connection in the same instant as its acquisition timeout (the
 * transport's per-request {@code RequestOptions.connectTimeout}) fires, was failed a second time; Vert.x reported
 * {@code IllegalStateException: Promise already completed} as an unhandled exception on the context. One pooled
 * connection and 64 callers with timeouts of a few milliseconds provoked it about once in 25 600 exchanges on Vert.x
 * 5.0.7 (two runs of two).
 *
 * <p>Checked: no unhandled exception reaches the {@code Vertx} (its {@code exceptionHandler} counts them), Vert.x logs
 * nothing at {@code SEVERE} (each stream the transport resets at a timeout was logged so before), and every
 * call completes, with a reply or a {@code TransportException}, and the completions add up to the calls: none is lost
 * (a waiter whose promise completed twice is the one Vert.x reports).
 */
class PoolWaiterRaceTest {

    private static final int CALLERS = 64;
    private static final int CALLS_PER_CALLER = 400;

    private final Queue<Throwable> unhandled = new ConcurrentLinkedQueue<>();
    private final Queue<String> severe = new ConcurrentLinkedQueue<>();
    /** Held strongly: JUL keeps loggers weakly, and a collected logger would lose the handler. */
    private final Logger vertxLogger = Logger.getLogger("io.vertx");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertxLogger.addHandler(capture);
        vertx = Vertx.vertx();
        vertx.exceptionHandler(unhandled::add);
    }

    @AfterEach
    void closeVertx() {
        vertx.close().await();
        vertxLogger.removeHandler(capture);
    }

    @Test
    void queued_waiters_timing_out_as_a_connection_is_recycled_complete_once_and_nothing_goes_unhandled()
            throws Exception {
        AtomicInteger completions = new AtomicInteger();
        AtomicInteger replies = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        int calls = CALLERS * CALLS_PER_CALLER;
        CountDownLatch allDone = new CountDownLatch(calls);
        try (RawServer server = new RawServer(connection -> {
            while (true) {
                connection.readHead();
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
             VertxAuthTransport transport = VertxAuthTransport.create(vertx,
                     TransportConfig.builder().maxConnections(1).build())) {
            Thread[] callers = new Thread[CALLERS];
            for (int c = 0; c < CALLERS; c++) {
                int caller = c;
                callers[c] = Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < CALLS_PER_CALLER; i++) {
                        // 2..17 ms: most expire in the queue or in flight, some right as the connection comes back
                        Duration timeout = Duration.ofMillis(2 + (caller + i) % 16);
                        TransportRequest request = new TransportRequest("GET", server.uri("/race/" + caller + "/" + i),
                                Map.of(), null, timeout);
                        var stage = transport.execute(request).toCompletableFuture();
                        stage.whenComplete((response, failure) -> {
                            if (failure == null) {
                                replies.incrementAndGet();
                            } else if (failure instanceof TransportException) {
                                failures.incrementAndGet();
                            } else {
                                unexpected.incrementAndGet();
                            }
                            completions.incrementAndGet();
                            allDone.countDown();
                        });
                        stage.handle((response, failure) -> null).join();
                    }
                });
            }
            for (Thread caller : callers) {
                caller.join(Duration.ofSeconds(60));
            }

            assertThat(allDone.await(30, TimeUnit.SECONDS)).as("every call completed").isTrue();
        }
        assertThat(completions.get()).isEqualTo(calls);
        assertThat(replies.get() + failures.get()).isEqualTo(calls);
        assertThat(failures.get()).as("calls expired").isPositive();
        assertThat(unexpected.get()).as("calls failed with something else than a TransportException").isZero();
        assertThat(unhandled).as("unhandled exceptions reported by Vert.x").isEmpty();
        // an exchange the transport ends early (here: its timeout) resets its stream; Vert.x logs that reset at
        // SEVERE ("Stream reset: 0") unless the request has an exception handler
        assertThat(severe).as("SEVERE lines logged by Vert.x").isEmpty();
    }
}
