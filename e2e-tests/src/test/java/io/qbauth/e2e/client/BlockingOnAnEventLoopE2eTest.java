package io.qbauth.e2e.client;

import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuthClient;
import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.config.TransportConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blocking facade on the Vert.x transport, on an application-owned {@code Vertx}: on an event loop (or on the
 * thread of a worker verticle) a blocking call would wait for a reply, and a timeout, that need that very thread, and
 * block it for good; it fails at once with a {@link ConfigurationException} that points to the asynchronous API, sends
 * nothing, and the loop goes on. From {@code executeBlocking} and from a virtual thread the same call works.
 */
class BlockingOnAnEventLoopE2eTest {

    private static final long WAIT_SECONDS = 10;

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    private Vertx vertx;
    private VertxAuthTransport transport;
    private QbAuthClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        transport = VertxAuthTransport.create(vertx, TransportConfig.defaults());
        client = QuickBloxFixture.client(EMULATOR.emulator(), transport).build();
    }

    @AfterEach
    void stop() {
        client.close();
        transport.close();
        vertx.close().await();
    }

    @Test
    void a_blocking_call_on_an_event_loop_fails_fast_sends_nothing_and_the_loop_lives_on() throws Exception {
        long sessionsBefore = EMULATOR.emulator().stats(APP_ID).sessionsCreated();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();

        vertx.runOnContext(ignored -> {
            try {
                client.blocking().createApplicationSession();
                refused.complete(null);
            } catch (Throwable failure) {
                refused.complete(failure);
            }
        });

        Throwable failure = refused.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("vert.x-eventloop-thread").hasMessageContaining("asynchronous API");
        assertThat(EMULATOR.emulator().stats(APP_ID).sessionsCreated()).isEqualTo(sessionsBefore);
        // the loop still runs, and the asynchronous API works on it
        CompletableFuture<Session> onTheLoop = new CompletableFuture<>();
        vertx.runOnContext(ignored -> client.createApplicationSession().whenComplete((session, error) -> {
            if (error != null) {
                onTheLoop.completeExceptionally(error);
            } else {
                onTheLoop.complete(session);
            }
        }));
        assertThat(onTheLoop.get(WAIT_SECONDS, TimeUnit.SECONDS).applicationId()).isEqualTo(APP_ID);
    }

    @Test
    void a_blocking_call_on_a_worker_verticles_thread_fails_fast_too() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();

        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                try {
                    client.blocking().createApplicationSession();
                    refused.complete(null);
                } catch (Throwable failure) {
                    refused.complete(failure);
                }
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));

        assertThat(refused.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void the_same_call_works_from_execute_blocking_and_from_a_virtual_thread() throws Exception {
        CompletableFuture<Session> fromAWorker = new CompletableFuture<>();
        vertx.runOnContext(ignored -> vertx.executeBlocking(() -> client.blocking().createApplicationSession())
                .onComplete(done -> {
                    if (done.succeeded()) {
                        fromAWorker.complete(done.result());
                    } else {
                        fromAWorker.completeExceptionally(done.cause());
                    }
                }));
        assertThat(fromAWorker.get(WAIT_SECONDS, TimeUnit.SECONDS).applicationId()).isEqualTo(APP_ID);
        // one after the other: a getSession racing a createApplicationSession may see its session replaced
        CompletableFuture<Session> fromAVirtualThread = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                fromAVirtualThread.complete(client.blocking().getSession());
            } catch (Throwable failure) {
                fromAVirtualThread.completeExceptionally(failure);
            }
        });

        assertThat(fromAVirtualThread.get(WAIT_SECONDS, TimeUnit.SECONDS).applicationId()).isEqualTo(APP_ID);
    }
}
