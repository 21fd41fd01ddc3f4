package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.testkit.transport.StubHttpServer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport never blocks an event loop: thousands of exchanges started from inside an event-loop context, 64 in
 * flight, and completions arrive on the caller's context. Two independent watchers:
 * <ul>
 *   <li>Vert.x's blocked-thread checker, tightened from 2 s to {@value #MAX_EXECUTE_MILLIS} ms, must stay silent (its
 *       warnings are captured from JUL). It measures wall-clock time per task, so on a loaded 2-core machine a
 *       descheduled thread looks blocked; that is why the limit is not lower.</li>
 *   <li>{@link ThreadStateSampler} must never find the event loop waiting (sleep, park, join, monitor) in two samples
 *       in a row: load cannot fake that, and it catches waits of a few milliseconds.</li>
 * </ul>
 * A control test proves the captured checker logger does report a real block.
 */
class EventLoopSafetyTest {

    private static final int EXCHANGES = 2_000;
    private static final int IN_FLIGHT = 64;
    private static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";
    private static final long MAX_EXECUTE_MILLIS = 500;

    /** Held strongly: JUL keeps loggers weakly, and a collected logger would lose the handler. */
    private final Logger checkerLogger = Logger.getLogger(CHECKER_LOGGER);
    private final Queue<LogRecord> blockedWarnings = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            blockedWarnings.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @RegisterExtension
    static final StubHttpServer server = StubHttpServer.start();
    private Vertx vertx;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(2)
                .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(MAX_EXECUTE_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                // with the blocked thread's stack trace, so a failure shows what it was doing
                .setWarningExceptionTime(MAX_EXECUTE_MILLIS).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
        server.reply("/session.json", 200, "{\"session\":{}}".getBytes(StandardCharsets.UTF_8));
        checkerLogger.setUseParentHandlers(false); // captured and asserted here, not printed
    }

    @AfterEach
    void stop() {
        checkerLogger.removeHandler(capture);
        checkerLogger.setUseParentHandlers(true);
        vertx.close().await();
    }

    @Test
    void thousands_of_exchanges_from_an_event_loop_never_block_it_and_complete_on_its_context() throws Exception {
        VertxAuthTransport transport = VertxAuthTransport.create(vertx,
                TransportConfig.builder().maxConnections(IN_FLIGHT).build());
        TransportRequest request = get(server.uri("/session.json"));
        Context context = vertx.getOrCreateContext();
        // class loading, JIT compilation and opening the pool's connections are one-off costs of the first
        // exchanges (of any Vert.x HTTP client), not blocking: warm up, at full concurrency, before watching
        new Driver(transport, request, context, 500, IN_FLIGHT).runToEnd();
        checkerLogger.addHandler(capture);

        Driver driver = new Driver(transport, request, context, EXCHANGES, IN_FLIGHT);
        try (ThreadStateSampler sampler = new ThreadStateSampler(driver.eventLoopThread())) {
            driver.runToEnd();
            sampler.close();
            assertThat(sampler.waits).as("the event loop found waiting").isEmpty();
        }

        assertThat(driver.succeeded.get()).isEqualTo(EXCHANGES);
        assertThat(driver.offContext).as("completions not on the caller's context").isEmpty();
        assertThat(blockedWarnings).as("blocked-thread warnings").extracting(EventLoopSafetyTest::describe).isEmpty();
        transport.close();
    }

    @Test
    void control_the_captured_checker_reports_a_real_block() throws Exception {
        checkerLogger.addHandler(capture);
        CountDownLatch blocked = new CountDownLatch(1);

        vertx.runOnContext(ignored -> {
            try {
                Thread.sleep(MAX_EXECUTE_MILLIS + 200); // deliberately blocks the event loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            blocked.countDown();
        });

        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(blockedWarnings).isNotEmpty();
    }

    private static String describe(LogRecord record) {
        StringWriter trace = new StringWriter();
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(trace));
        }
        return record.getMessage() + System.lineSeparator() + trace;
    }

    /** Runs {@code total} exchanges on {@code context}, {@code window} at a time, each completion starting the next. */
    private static final class Driver {
        final AtomicInteger succeeded = new AtomicInteger();
        final Queue<String> offContext = new ConcurrentLinkedQueue<>();
        private final VertxAuthTransport transport;
        private final TransportRequest request;
        private final Context context;
        private final int total;
        private final int window;
        private final AtomicInteger started = new AtomicInteger();
        private final CountDownLatch done;

        Driver(VertxAuthTransport transport, TransportRequest request, Context context, int total, int window) {
            this.transport = transport;
            this.request = request;
            this.context = context;
            this.total = total;
            this.window = window;
            this.done = new CountDownLatch(total);
        }

        /** The thread of {@link #context}, an event loop. */
        Thread eventLoopThread() throws Exception {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            context.runOnContext(ignored -> thread.complete(Thread.currentThread()));
            return thread.get(5, TimeUnit.SECONDS);
        }

        void runToEnd() throws InterruptedException {
            // each caller starts in its own event-loop task, as exchanges started by separate events would
            for (int i = 0; i < window; i++) {
                context.runOnContext(ignored -> startNext());
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("all exchanges completed").isTrue();
        }

        private void startNext() {
            if (started.getAndIncrement() >= total) {
                return;
            }
            transport.execute(request).whenComplete((reply, failure) -> {
                if (Vertx.currentContext() != context || !Context.isOnEventLoopThread()) {
                    offContext.add(Thread.currentThread().getName());
                }
                if (failure == null && reply.status() == 200) {
                    succeeded.incrementAndGet();
                }
                done.countDown();
                startNext();
            });
        }
    }

}
