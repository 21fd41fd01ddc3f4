package io.qbauth.spi;

import io.qbauth.domain.ApiResponse;

import java.util.concurrent.CompletionStage;

/**
 * Outbound port: performs one HTTP exchange. Implemented by the transport modules ({@code auth-transport-jdk},
 * {@code auth-transport-vertx}).
 *
 * <p>The contract, checked by the transport contract kit in {@code auth-core}'s test-jar:
 * <ul>
 *   <li>every HTTP status, 401 and 5xx included, completes the stage normally with a {@link ApiResponse};</li>
 *   <li>connection failures, timeouts and over-size replies complete it exceptionally with a
 *       {@link io.qbauth.domain.TransportException};</li>
 *   <li>a transport never retries, never interprets statuses and never adds or reads session tokens;</li>
 *   <li>it is thread-safe and never blocks the calling thread, unless it {@linkplain CallerThread#claim() claims}
 *       it: lent by a caller that waits for the exchange anyway, the thread may run it to its end (the returned
 *       stage is then already complete).</li>
 * </ul>
 *
 * <p>A transport whose exchanges complete on threads of its own runtime says, with
 * {@link #currentThreadMustNotBlock()}, on which of them a caller must never wait: the SDK's blocking facade asks
 * before it starts a call and fails fast instead of blocking such a thread for good.
 */
public interface AuthTransport extends AutoCloseable {

    /** Sends the request; the stage completes when the whole reply has been read. */
    CompletionStage<ApiResponse> execute(TransportRequest request);

    /**
     * Whether the calling thread must never wait for an exchange of this transport, because the exchange itself (its
     * reply, its timeout) needs that very thread to complete. For the Vert.x transport: a Vert.x event loop, or the
     * thread running a worker or virtual-thread context of its {@code Vertx}. The SDK's blocking facade
     * ({@code client.blocking()}) asks before it starts a call and, on {@code true}, fails at once with a
     * {@link io.qbauth.domain.ConfigurationException} that points to the asynchronous API; nothing is sent. Cheap and
     * side-effect free; called on the caller's thread. The default, {@code false}, suits a transport whose exchanges
     * never need the caller's thread (the JDK's); a decorator must pass the question on to the transport it wraps.
     */
    default boolean currentThreadMustNotBlock() {
        return false;
    }

    /** A short, bounded name for logs and metric tags, e.g. {@code jdk} or {@code vertx}. */
    default String name() {
        return "unknown";
    }

    /** Releases the resources this transport owns (never those it was handed). */
    @Override
    default void close() {
    }
}
