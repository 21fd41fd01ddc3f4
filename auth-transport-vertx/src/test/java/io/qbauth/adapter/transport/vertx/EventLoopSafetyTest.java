package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.adapter.transport.vertx.StubHttpServer.Reply;
import io.qbauth.spi.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
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
 * The transport never blocks an event loop: thousands of exchanges started from inside an event-loop context, many
 * in flight, with Vert.x's blocked-thread checker tightened from 2 s to 50 ms, and not one warning. Completions arrive
 * on the caller's context. A control test proves the captured logger does see a real block.
 */
class EventLoopSafetyTest {

    private static final int EXCHANGES = 2_000;
    private static final int IN_FLIGHT = 64;
    private static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

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
    static final StubHttpServer server = new StubHttpServer();
    private Vertx vertx;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(2)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        server.reply("/session.json", Reply.of(200, "{\"session\":{}}".getBytes(StandardCharsets.UTF_8)));
        checkerLogger.setUseParentHandlers(false); // captured and asserted here, not printed
    }

    @AfterEach
    void stop() {
        checkerLogger.removeHandler(capture);
        checkerLogger.setUseParentHandlers(true);
        vertx.close().await();
    }

    @Test
    void thousandsOfExchangesFromAnEventLoopNeverBlockItAndCompleteOnItsContext() throws Exception {
        VertxAuthTransport transport = VertxAuthTransport.create(vertx,
                TransportConfig.builder().maxConnections(IN_FLIGHT).build());
        TransportRequest request = get(server.uri("/session.json"));
        Context context = vertx.getOrCreateContext();
        // class loading and JIT of the first exchanges are one-off costs, not blocking: warm up before watching
        new Driver(transport, request, context, 20, 4).runToEnd();
        checkerLogger.addHandler(capture);

        Driver driver = new Driver(transport, request, context, EXCHANGES, IN_FLIGHT);
        driver.runToEnd();

        assertThat(driver.succeeded.get()).isEqualTo(EXCHANGES);
        assertThat(driver.offContext).as("completions not on the caller's context").isEmpty();
        assertThat(blockedWarnings).extracting(LogRecord::getMessage).as("blocked-thread warnings").isEmpty();
        transport.close();
    }

    @Test
    void controlTheCapturedCheckerReportsARealBlock() throws Exception {
        checkerLogger.addHandler(capture);
        CountDownLatch blocked = new CountDownLatch(1);

        vertx.runOnContext(ignored -> {
            try {
                Thread.sleep(300); // deliberately blocks the event loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            blocked.countDown();
        });

        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(blockedWarnings).isNotEmpty();
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

        void runToEnd() throws InterruptedException {
            context.runOnContext(ignored -> {
                for (int i = 0; i < window; i++) {
                    startNext();
                }
            });
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
