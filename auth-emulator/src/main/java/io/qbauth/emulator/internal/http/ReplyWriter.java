package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.Fault;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;

/**
 * Writes every reply of the emulator, so headers are uniform: {@code Content-Type: application/json;
 * charset=utf-8} on JSON bodies, {@code QuickBlox-REST-API-Version}, {@code Server}, {@code Date} from the
 * emulator's clock, and {@code QB-Token-ExpirationDate} when a handler reported the session's expiry with
 * {@link #reportExpiry}. It is also where faults act: {@link #refuse} answers for a refusal fault, and a reply fault
 * chosen for the request ({@link FaultInjector}) is applied by {@link DamagedReplies} as the reply leaves.
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
        send(ctx, status, JSON, body, ctx.get(EXPIRY_KEY));
    }

    /** 200 with an empty body (never 204: the JS SDK treats 204 as an error). */
    void empty(RoutingContext ctx) {
        send(ctx, 200, null, "", ctx.get(EXPIRY_KEY));
    }

    void error(RoutingContext ctx, ErrorReply reply) {
        send(ctx, reply.status(), JSON, reply.body(), reply.reportsExpiry() ? ctx.get(EXPIRY_KEY) : null);
    }

    /** A JSON reply outside routing (the {@link SessionReadFastPath}); never faulted. */
    void json(HttpServerResponse response, int status, String body, Instant expiresAt) {
        head(response, status, JSON, expiresAt);
        response.end(body);
    }

    /** An error outside routing (a request Netty could not decode); never faulted. */
    Future<Void> error(HttpServerResponse response, ErrorReply reply) {
        head(response, reply.status(), JSON, null);
        return response.end(reply.body());
    }

    /** 200 with a non-JSON body (metrics exposition). */
    void text(RoutingContext ctx, String contentType, String body) {
        send(ctx, 200, contentType, body, null);
    }

    /** The reply of a refusal fault, instead of the endpoint's. */
    void refuse(RoutingContext ctx, Fault fault) {
        HttpServerResponse response = ctx.response();
        Refusal refusal = Refusal.of(fault);
        RequestJournal.status(ctx, refusal.status());
        head(response, refusal.status(), refusal.contentType(), null);
        for (Map.Entry<String, String> header : refusal.headers().entrySet()) {
            response.putHeader(header.getKey(), header.getValue());
        }
        response.end(refusal.body());
    }

    private void send(RoutingContext ctx, int status, CharSequence contentType, String body, Instant expiresAt) {
        HttpServerResponse response = ctx.response();
        RequestJournal.status(ctx, status);
        head(response, status, contentType, expiresAt);
        Fault fault = FaultInjector.replyFault(ctx);
        if (fault == null) {
            response.end(body);
        } else {
            DamagedReplies.send(ctx, fault, body);
        }
    }

    private void head(HttpServerResponse response, int status, CharSequence contentType, Instant expiresAt) {
        metrics.responded(status);
        response.setStatusCode(status)
                .putHeader(API_VERSION_HEADER, API_VERSION)
                .putHeader(HttpHeaders.SERVER, SERVER)
                .putHeader(HttpHeaders.DATE, timestamps.httpDateNow());
        if (contentType != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (expiresAt != null) {
            response.putHeader(EXPIRATION_HEADER, timestamps.expirationHeaderCached(expiresAt));
        }
    }
}
