package io.qbauth.adapter.transport.jdk;

import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.CallerThread;
import io.qbauth.config.TransportConfig;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link AuthTransport} on the JDK's {@link HttpClient}. Thread-safe and non-blocking; one instance serves a whole
 * application.
 *
 * <ul>
 *   <li>Every status is a {@link ApiResponse}; connection failures, timeouts and over-size replies complete
 *       the stage with an {@link io.qbauth.domain.TransportException} whose message names the method and the path
 *       only.</li>
 *   <li>{@link TransportRequest#timeout()} bounds the whole exchange, body included (give or take 10 ms). The JDK
 *       request carries no timeout of its own: it would only cover the wait for the response headers, and it takes
 *       the client's lock and wakes its selector thread on every request.</li>
 *   <li>Reply bodies are limited to {@link TransportConfig#maxResponseBytes()} while streaming.</li>
 *   <li>At most {@link TransportConfig#maxConnections()} exchanges run at once, so at most that many connections are
 *       open to the host; a caller beyond the bound waits (on its own thread, never a platform thread of the
 *       transport) within its request's deadline. {@link TransportConfig#keepAlive() keepAlive(false)} and an
 *       {@link TransportConfig#idleTimeout() idleTimeout} are refused with a {@link ConfigurationException}: the JDK
 *       client always keeps connections alive, and its idle timeout is JVM-wide
 *       ({@code -Djdk.httpclient.keepalive.timeout}).</li>
 *   <li>It never retries, never follows redirects, and never reads or adds a session token.</li>
 *   <li>Nor does it let the JDK client send a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} twice
 *       ({@link SendOnceBody}; unless the application's client follows redirects or has an authenticator). The JDK
 *       does send a {@code GET} or {@code HEAD} once more when its connection closed before the reply: a read,
 *       resent by the client as HTTP allows, left so because stopping it would cost a {@code Content-Length: 0}
 *       that strict proxies refuse.</li>
 * </ul>
 *
 * <p>Each exchange runs the client's blocking {@code send} on a virtual thread of its own, on which the returned
 * stage completes (unless the caller completes or cancels it first): with one caller that is a fifth faster than
 * {@code sendAsync}, which hands every reply over to the common {@code ForkJoinPool}. An exchange started by a caller
 * that waits for it anyway (the SDK's blocking facade, which {@linkplain CallerThread lends} its thread) runs on that
 * caller's thread instead, as a bare {@code HttpClient.send} would: no thread started, no hand-off back.
 *
 * <p>Built from a {@link TransportConfig}, it creates and owns its client and closes it in {@link #close()}. Built
 * around an application's {@link HttpClient}, it leaves that client open.
 */
public final class JdkAuthTransport implements AuthTransport {

    /** How long {@link #close()} lets in-flight exchanges finish before aborting them. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final HttpClient client;
    /** The client's executor when this transport built the client (and so closes both), else null. */
    private final ExecutorService ownedExecutor;
    private final RequestMapper requests;
    private final LimitedBodyHandler bodyHandler;
    private final ThreadFactory exchangeThreads = Thread.ofVirtual().name("qbauth-jdk-exchange").factory();
    private final Deadlines deadlines = new Deadlines();
    private final Semaphore connections;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A transport that builds, owns and closes its own HTTP/1.1 client configured from {@code config}.
     *
     * @throws ConfigurationException if {@code config} asks for what the JDK client cannot do per client
     *                                ({@code keepAlive(false)}, an {@code idleTimeout})
     */
    public static JdkAuthTransport create(TransportConfig config) {
        return new JdkAuthTransport(HttpClientFactory.create(supported(config)), config);
    }

    /**
     * A transport on the application's client, with the default {@link TransportConfig#maxResponseBytes()} and
     * {@link TransportConfig#userAgent()}; {@link #close()} does not close {@code client}.
     */
    public static JdkAuthTransport create(HttpClient client) {
        return create(client, TransportConfig.defaults());
    }

    /**
     * A transport on the application's client; of {@code config} only {@code maxResponseBytes},
     * {@code maxConnections} and {@code userAgent} apply (connect timeout and TLS are the client's).
     * {@link #close()} does not close {@code client}.
     *
     * @throws ConfigurationException as {@link #create(TransportConfig)}
     */
    public static JdkAuthTransport create(HttpClient client, TransportConfig config) {
        return new JdkAuthTransport(Objects.requireNonNull(client, "client"), null, supported(config));
    }

    /** {@code config}, unless it asks for settings the JDK client has no per-client knob for: never ignored silently. */
    private static TransportConfig supported(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        if (!config.keepAlive()) {
            throw new ConfigurationException("keepAlive(false) is not supported by the JDK transport: its HttpClient"
                    + " always reuses connections (use the Vert.x transport to turn keep-alive off)");
        }
        if (config.idleTimeout().isPresent()) {
            throw new ConfigurationException("idleTimeout is not supported by the JDK transport: its HttpClient has"
                    + " no per-client idle timeout; set -Djdk.httpclient.keepalive.timeout=<seconds> for the JVM, or"
                    + " use the Vert.x transport");
        }
        return config;
    }

    private JdkAuthTransport(HttpClientFactory.OwnedClient owned, TransportConfig config) {
        this(owned.client(), owned.executor(), config);
    }

    private JdkAuthTransport(HttpClient client, ExecutorService ownedExecutor, TransportConfig config) {
        Objects.requireNonNull(config, "config");
        this.client = client;
        this.ownedExecutor = ownedExecutor;
        this.requests = new RequestMapper(config.userAgent(), SendOnceBody.fitsClient(client));
        this.bodyHandler = new LimitedBodyHandler(config.maxResponseBytes());
        this.connections = new Semaphore(config.maxConnections(), true);
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            return CompletableFuture.failedFuture(TransportSupport.notSent(request, "transport is closed"));
        }
        HttpRequest httpRequest;
        try {
            httpRequest = requests.map(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new InvalidInputException(
                    request.describe() + ": the URI or a header is not valid HTTP"));
        }
        BlockingSendExchange exchange = new BlockingSendExchange(request, httpRequest, client, bodyHandler.forMethod(request.method()),
                connections);
        return CallerThread.claim() ? exchange.runHere(deadlines) : exchange.start(exchangeThreads, deadlines);
    }

    @Override
    public String name() {
        return JdkAuthTransportProvider.NAME;
    }

    /**
     * Closes the client and its executor if this transport created them (letting exchanges in flight finish for up
     * to 1 s, then aborting them); idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || ownedExecutor == null) {
            return;
        }
        client.shutdown();
        try {
            if (!client.awaitTermination(CLOSE_GRACE)) {
                client.shutdownNow();
            }
        } catch (InterruptedException e) {
            client.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            ownedExecutor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "JdkAuthTransport[" + (ownedExecutor != null ? "owned" : "external") + " client" + (closed.get() ? ", closed" : "")
                + "]";
    }
}
