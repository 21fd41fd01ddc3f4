package io.qbauth.spi;

import java.util.concurrent.CompletionStage;

/**
 * Outbound port: performs one HTTP exchange. Implemented by the transport modules ({@code auth-transport-jdk},
 * {@code auth-transport-vertx}).
 *
 * <p>The contract, checked by the transport contract kit in {@code auth-core}'s test-jar:
 * <ul>
 *   <li>every HTTP status, 401 and 5xx included, completes the stage normally with a {@link TransportResponse};</li>
 *   <li>connection failures, timeouts and over-size replies complete it exceptionally with a
 *       {@link io.qbauth.domain.TransportException};</li>
 *   <li>a transport never retries, never interprets statuses and never adds or reads session tokens;</li>
 *   <li>it is thread-safe and never blocks the calling thread, unless it {@linkplain CallerThread#claim() claims}
 *       it: lent by a caller that waits for the exchange anyway, the thread may run it to its end (the returned
 *       stage is then already complete).</li>
 * </ul>
 */
public interface AuthTransport extends AutoCloseable {

    /** Sends the request; the stage completes when the whole reply has been read. */
    CompletionStage<TransportResponse> execute(TransportRequest request);

    /** A short, bounded name for logs and metric tags, e.g. {@code jdk} or {@code vertx}. */
    default String name() {
        return "unknown";
    }

    /** Releases the resources this transport owns (never those it was handed). */
    @Override
    default void close() {
    }
}
