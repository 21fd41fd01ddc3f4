package io.qbauth.emulator.internal.http.connections;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The connections of one server instance, confined to its event loop (every method runs there): admits each new
 * connection against the shared {@link ConnectionLimiter}, closes a connection that has not delivered its first
 * request head within the header timeout, and closes a connection marked {@link #closeAfterReply} instead of
 * serving any request pipelined behind it.
 *
 * <p>Steady-state cost per request: two {@code isEmpty()} checks; the maps only hold connections that have not sent
 * a request yet or that are being closed.
 */
public final class ConnectionWatch implements Handler<HttpConnection> {

    private final Vertx vertx;
    private final ConnectionLimiter limiter;
    private final long headerTimeoutMillis;
    private final Map<HttpConnection, Long> awaitingFirstRequest = new HashMap<>();
    private final Set<HttpConnection> closing = new HashSet<>();

    /**
     * @param limiter the emulator-wide connection cap
     * @param headerTimeoutMillis how long a new connection may take to send its first request head
     */
    public ConnectionWatch(Vertx vertx, ConnectionLimiter limiter, long headerTimeoutMillis) {
        this.vertx = vertx;
        this.limiter = limiter;
        this.headerTimeoutMillis = headerTimeoutMillis;
    }

    /** A connection was accepted (before it sent a byte). */
    @Override
    public void handle(HttpConnection connection) {
        if (!limiter.tryOpen()) {
            connection.close();
            return;
        }
        long timer = vertx.setTimer(headerTimeoutMillis, fired -> {
            if (awaitingFirstRequest.remove(connection) != null) {
                connection.close();
            }
        });
        awaitingFirstRequest.put(connection, timer);
        connection.closeHandler(closed -> {
            limiter.closed();
            Long pending = awaitingFirstRequest.remove(connection);
            if (pending != null) {
                vertx.cancelTimer(pending);
            }
            closing.remove(connection);
        });
    }

    /**
     * A request head arrived: the connection is no longer awaiting its first one.
     *
     * @return false when the connection is being closed: do not serve the request
     */
    public boolean requestArrived(HttpServerRequest request) {
        if (!awaitingFirstRequest.isEmpty()) {
            Long pending = awaitingFirstRequest.remove(request.connection());
            if (pending != null) {
                vertx.cancelTimer(pending);
            }
        }
        if (!closing.isEmpty() && closing.contains(request.connection())) {
            request.connection().close();
            return false;
        }
        return true;
    }

    /**
     * Marks the request's connection to be closed once its reply is written: no request behind it is served (a
     * request smuggled after a body whose framing is in doubt never reaches the router).
     */
    public void closeAfterReply(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        if (closing.add(connection)) {
            ctx.addEndHandler(done -> connection.close());
        }
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }
}
