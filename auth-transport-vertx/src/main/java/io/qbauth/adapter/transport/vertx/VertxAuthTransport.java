package io.qbauth.adapter.transport.vertx;

import io.qbauth.domain.InvalidInputException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link AuthTransport} on the Vert.x 5 HTTP client, for reactive runtimes (Vert.x, Quarkus). Thread-safe and fully
 * non-blocking: {@link #execute} may be called from any thread, an event loop included, and never waits.
 *
 * <h2>Threading</h2>
 * Each exchange runs on one Vert.x context: the caller's, when {@code execute} is called on a context of this
 * transport's {@link Vertx} (a verticle, a Vert.x Web handler, a Quarkus reactive route), otherwise a context on an
 * event loop of that {@code Vertx}. The returned stage completes <strong>on that context's thread</strong>, which for
 * an event-loop context is an event loop: dependent stages attached with the non-{@code Async} methods
 * ({@code thenApply}, {@code whenComplete}, ...) run there too, so they must not block; hand blocking work to an
 * executor with the {@code *Async} variants. The SDK core never blocks in its continuations. Only when the caller
 * itself cancels or completes the stage, or when the transport is already closed, does the stage complete on the
 * caller's thread.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Every status is a {@link ApiResponse}; connection failures, timeouts and over-size replies complete
 *       the stage with an {@link io.qbauth.domain.TransportException} whose message names the method and the path
 *       only. Invalid header names or values complete it with an {@link InvalidInputException} naming the header,
 *       never its value.</li>
 *   <li>{@link TransportRequest#timeout()} bounds the whole exchange, from {@code execute} to the last body byte,
 *       waiting for a pooled connection included.</li>
 *   <li>Reply bodies are limited to {@link TransportConfig#maxResponseBytes()}: a larger {@code Content-Length} fails
 *       before any body byte is read, a longer body fails at the chunk that crosses the limit; either way the
 *       connection is closed rather than drained.</li>
 *   <li>Cancelling the returned stage (or completing it) aborts the exchange.</li>
 *   <li>It never retries, never follows redirects, and never reads or adds a session token.</li>
 * </ul>
 *
 * <h2>Who owns Vert.x</h2>
 * {@link #create(Vertx, TransportConfig)} runs on the application's {@code Vertx}; {@link #close()} then closes only
 * the HTTP client this transport created and never the {@code Vertx}. {@link #create(TransportConfig)} (the
 * {@link java.util.ServiceLoader} path) creates a {@code Vertx} with daemon threads that {@link #close()} closes.
 */
public final class VertxAuthTransport implements AuthTransport {

    /** The transport name, for logs, metric tags and {@code -Dqbauth.transport=vertx}. */
    public static final String NAME = "vertx";

    /** How long {@link #close()} lets in-flight exchanges finish before closing their connections. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    /** How long {@link #close()} waits, off Vert.x threads, for the client (and an owned Vert.x) to shut down. */
    static final Duration CLOSE_WAIT = CLOSE_GRACE.plusSeconds(10);

    private static final System.Logger LOG = System.getLogger(VertxAuthTransport.class.getName());

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpClientAgent client;
    private final RequestMapper requests;
    private final int maxResponseBytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VertxAuthTransport(Vertx vertx, boolean ownsVertx, TransportConfig config) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.client = vertx.httpClientBuilder()
                .with(HttpClientSettings.clientOptions(config))
                .with(HttpClientSettings.poolOptions(config))
                .withConnectHandler(connection -> {
                    connection.exceptionHandler(VertxAuthTransport::connectionFailed);
                    ReplyFraming.install(connection);
                })
                .build();
        this.requests = new RequestMapper(config.userAgent());
        this.maxResponseBytes = config.maxResponseBytes();
    }

    /**
     * A transport on the application's {@code Vertx}. It creates its own HTTP client on it, configured from
     * {@code config}; {@link #close()} closes that client and leaves {@code vertx} running. Created inside a verticle,
     * the client is also closed when that verticle is undeployed (the Vert.x rule for resources created there).
     */
    public static VertxAuthTransport create(Vertx vertx, TransportConfig config) {
        return new VertxAuthTransport(Objects.requireNonNull(vertx, "vertx"), false,
                Objects.requireNonNull(config, "config"));
    }

    /**
     * A transport that creates and owns its {@code Vertx} (daemon threads, so a forgotten transport does not keep the
     * JVM alive); {@link #close()} closes it. This is what {@link VertxAuthTransportProvider} returns.
     */
    public static VertxAuthTransport create(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        Vertx owned = Vertx.vertx(new VertxOptions().setUseDaemonThread(true));
        try {
            return new VertxAuthTransport(owned, true, config);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            return CompletableFuture.failedFuture(TransportSupport.notSent(request, "transport is closed"));
        }
        RequestOptions options;
        try {
            options = requests.map(request);
        } catch (InvalidInputException e) {
            return CompletableFuture.failedFuture(e);
        }
        Context context = vertx.getOrCreateContext();
        VertxExchange exchange = new VertxExchange(request, maxResponseBytes, vertx, context);
        if (Vertx.currentContext() == context) {
            exchange.start(client, options);
        } else {
            try {
                context.runOnContext(ignored -> exchange.start(client, options));
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(TransportSupport.notSent(request, "Vert.x is closed"));
            }
        }
        return exchange.result();
    }

    /**
     * {@code true} on a Vert.x event loop (of any {@code Vertx}: blocking one is never allowed), and on the thread
     * running a worker or virtual-thread context of this transport's {@code Vertx}: the exchange would complete on
     * that context, whose tasks wait behind the blocked one. {@code false} elsewhere, e.g. in
     * {@code vertx.executeBlocking(...)} called from an event loop, or on a plain (virtual) thread.
     */
    @Override
    public boolean currentThreadMustNotBlock() {
        if (Context.isOnEventLoopThread()) {
            return true;
        }
        Context current = Vertx.currentContext();
        return current != null && current.owner() == vertx && !current.isEventLoopContext()
                && (Context.isOnWorkerThread() || Thread.currentThread().isVirtual());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Closes the HTTP client (letting exchanges in flight finish for up to 1 s) and, if this transport created it,
     * its {@code Vertx}. Idempotent. On a Vert.x thread it only starts the shutdown and returns at once, so an event
     * loop is never blocked; on any other thread it waits for the shutdown to finish (at most a few seconds).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Future<Void> shutdown = client.shutdown(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        if (Context.isOnVertxThread()) {
            if (ownsVertx) {
                shutdown.onComplete(ignored -> vertx.close());
            }
            return;
        }
        awaitQuietly(shutdown);
        if (ownsVertx) {
            // started from this thread, not chained onto the shutdown: Vert.x 5.1 never reports the end of a close
            // started in one of its own callbacks, so a chained close could not be waited for
            awaitQuietly(vertx.close());
        }
    }

    /**
     * A connection failure also fails the exchange on it, which reports it to the caller; without this handler Vert.x
     * would log each one at ERROR.
     */
    private static void connectionFailed(Throwable failure) {
        LOG.log(System.Logger.Level.DEBUG, "connection failed: {0}", failure.toString());
    }

    private static void awaitQuietly(Future<Void> shutdown) {
        try {
            shutdown.toCompletionStage().toCompletableFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the Vert.x transport did not shut down cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "VertxAuthTransport[" + (ownsVertx ? "owned" : "external") + " Vertx" + (closed.get() ? ", closed" : "")
                + "]";
    }
}
