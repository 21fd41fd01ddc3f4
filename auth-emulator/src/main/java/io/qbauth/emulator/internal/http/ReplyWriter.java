package io.qbauth.emulator.internal.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * Writes every reply of the emulator, so headers are uniform: {@code Content-Type: application/json;
 * charset=utf-8} on JSON bodies, {@code QuickBlox-REST-API-Version}, {@code Server}, {@code Date} from the
 * emulator's clock, and {@code QB-Token-ExpirationDate} when a handler reported the session's expiry with
 * {@link #reportExpiry}. This is the single exit point where later fault modes (latency, truncation, resets) hook
 * in.
 */
final class ReplyWriter {

    private static final String EXPIRY_KEY = "qbauth.emulator.expiry";
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final CharSequence API_VERSION_HEADER = HttpHeaders.createOptimized("QuickBlox-REST-API-Version");
    private static final CharSequence API_VERSION = HttpHeaders.createOptimized("0.1.1");
    private static final CharSequence SERVER = HttpHeaders.createOptimized("QuickBlox");
    private static final CharSequence EXPIRATION_HEADER = HttpHeaders.createOptimized("QB-Token-ExpirationDate");

    private final UtcTimestamps timestamps;
    private final HttpMetrics metrics;

    ReplyWriter(UtcTimestamps timestamps, HttpMetrics metrics) {
        this.timestamps = timestamps;
        this.metrics = metrics;
    }

    /** Makes the reply to this request carry {@code QB-Token-ExpirationDate: expiresAt}. */
    static void reportExpiry(RoutingContext ctx, Instant expiresAt) {
        ctx.put(EXPIRY_KEY, expiresAt);
    }

    /** Undoes {@link #reportExpiry}, for a reply about a session that no longer exists. */
    static void forgetExpiry(RoutingContext ctx) {
        ctx.remove(EXPIRY_KEY);
    }

    void json(RoutingContext ctx, int status, String body) {
        send(ctx.response(), status, JSON, body, ctx.get(EXPIRY_KEY));
    }

    /** 200 with an empty body (never 204: the JS SDK treats 204 as an error). */
    void empty(RoutingContext ctx) {
        send(ctx.response(), 200, null, "", ctx.get(EXPIRY_KEY));
    }

    void error(RoutingContext ctx, ErrorReply reply) {
        send(ctx.response(), reply.status(), JSON, reply.body(), reply.reportsExpiry() ? ctx.get(EXPIRY_KEY) : null);
    }

    /** An error outside routing (a request Netty could not decode). */
    Future<Void> error(HttpServerResponse response, ErrorReply reply) {
        return send(response, reply.status(), JSON, reply.body(), null);
    }

    /** 200 with a non-JSON body (metrics exposition). */
    void text(RoutingContext ctx, String contentType, String body) {
        send(ctx.response(), 200, contentType, body, null);
    }

    private Future<Void> send(HttpServerResponse response, int status, CharSequence contentType, String body,
            Instant expiresAt) {
        metrics.responded(status);
        response.setStatusCode(status)
                .putHeader(API_VERSION_HEADER, API_VERSION)
                .putHeader(HttpHeaders.SERVER, SERVER)
                .putHeader(HttpHeaders.DATE, timestamps.httpDateNow());
        if (contentType != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (expiresAt != null) {
            response.putHeader(EXPIRATION_HEADER, UtcTimestamps.expirationHeader(expiresAt));
        }
        return response.end(body);
    }
}
