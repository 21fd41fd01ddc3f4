package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static io.qbauth.adapter.transport.vertx.Exchanges.response;
import static io.qbauth.adapter.transport.vertx.Exchanges.transportFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.TransportException.Kind;
import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import io.qbauth.testkit.transport.StubHttpServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who owns Vert.x, and what {@link VertxAuthTransport#close()} closes, waits for and leaves alone. */
class VertxAuthTransportLifecycleTest {

    @RegisterExtension
    static final StubHttpServer server = StubHttpServer.start();

    @Test
    void close_leaves_the_applications_vertx_running() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            VertxAuthTransport first = VertxAuthTransport.create(vertx, TransportConfig.defaults());
            VertxAuthTransport second = VertxAuthTransport.create(vertx, TransportConfig.defaults());
            response(first.execute(get(server.uri("/a"))));

            first.close();

            CountDownLatch timerFired = new CountDownLatch(1);
            vertx.setTimer(1, id -> timerFired.countDown());
            assertThat(timerFired.await(5, TimeUnit.SECONDS)).as("the application's Vertx still runs").isTrue();
            assertThat(response(second.execute(get(server.uri("/b")))).status()).isEqualTo(200);
            transportFailure(first.execute(get(server.uri("/c"))), Kind.CONNECT);
            second.close();
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void created_in_a_verticle_it_fails_fast_once_the_verticle_is_undeployed() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<VertxAuthTransport> created = new CompletableFuture<>();
            String deployment = vertx.deployVerticle(new VerticleBase() {
                @Override
                public Future<?> start() {
                    created.complete(VertxAuthTransport.create(vertx, TransportConfig.defaults()));
                    return Future.succeededFuture();
                }
            }).await();
            VertxAuthTransport transport = created.get(5, TimeUnit.SECONDS);

            vertx.undeploy(deployment).await(); // Vert.x closes the HTTP client created in the verticle

            long start = System.nanoTime();
            transportFailure(transport.execute(get(server.uri("/after-undeploy"))), Kind.CONNECT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the request timeout")
                    .isLessThan(Duration.ofSeconds(2));
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void close_closes_the_vertx_it_created() throws Exception {
        VertxAuthTransport transport = VertxAuthTransport.create(TransportConfig.defaults());
        Thread eventLoop = transport.execute(get(server.uri("/a")))
                .thenApply(reply -> Thread.currentThread()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(eventLoop.getName()).startsWith("vert.x-eventloop-thread");
        assertThat(eventLoop.isDaemon()).as("owned Vert.x runs on daemon threads").isTrue();

        transport.close();

        eventLoop.join(Duration.ofSeconds(5));
        assertThat(eventLoop.isAlive()).as("the owned Vertx's event loop has stopped").isFalse();
    }

    /**
     * Vert.x 5.1 no longer delivers the completion of a {@code Vertx.close()} started from one of its own callbacks
     * (the context it would report on is gone): a close that chains the {@code Vertx}'s close onto the client's
     * shutdown waited out its whole bound and logged that the shutdown was not clean.
     */
    @Test
    void close_of_an_owned_vertx_finishes_cleanly() throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(VertxAuthTransport.class.getName());
        java.util.Queue<java.util.logging.LogRecord> warnings = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            VertxAuthTransport transport = VertxAuthTransport.create(TransportConfig.defaults());
            response(transport.execute(get(server.uri("/a"))));

            transport.close();

            assertThat(warnings).extracting(java.util.logging.LogRecord::getMessage).isEmpty();
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void close_on_an_event_loop_returns_without_waiting_for_the_shutdown() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        Vertx vertx = Vertx.vertx();
        try (RawServer silent = RawServer.silent(requestArrived)) {
            VertxAuthTransport transport = VertxAuthTransport.create(vertx, TransportConfig.defaults());
            CompletableFuture<ApiResponse> inFlight = transport.execute(get(silent.uri("/hang")))
                    .toCompletableFuture();
            assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Duration> closeTook = new CompletableFuture<>();
            vertx.runOnContext(ignored -> {
                long start = System.nanoTime();
                transport.close();
                closeTook.complete(Duration.ofNanos(System.nanoTime() - start));
            });

            // a close that waited would hold the event loop for the 1 s grace period (and the shutdown could not
            // even progress, since it needs that loop)
            assertThat(closeTook.get(5, TimeUnit.SECONDS)).isLessThan(VertxAuthTransport.CLOSE_GRACE.dividedBy(2));
            transportFailure(inFlight, Kind.IO);
        } finally {
            vertx.close().await();
        }
    }
}
