package io.qbauth.emulator.internal.http.rendering;

import io.qbauth.emulator.internal.http.journal.RequestJournal;
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
 * {@link #reportExpiry}. Each reply's status is counted ({@link HttpMetrics}) and recorded in the request's journal
 * entry. It is also where reply faults act: a {@link ReplyDamage} attached to the request ({@link #damage}) sends the
 * body instead of the writer, as the reply leaves; {@link #verbatim} writes a refusal fault's reply as given.
 */
public final class ReplyWriter {

    private static final String EXPIRY_KEY = "qbauth.emulator.expiry";
    private static final String DAMAGE_KEY = "qbauth.emulator.damage";
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final CharSequence API_VERSION_HEADER = HttpHeaders.createOptimized("QuickBlox-REST-API-Version");
    private static final CharSequence API_VERSION = HttpHeaders.createOptimized("0.1.1");
    private static final CharSequence SERVER = HttpHeaders.createOptimized("QuickBlox");
    private static final CharSequence EXPIRATION_HEADER = HttpHeaders.createOptimized("QB-Token-ExpirationDate");

    private final UtcTimestamps timestamps;
    private final HttpMetrics metrics;

    /**
     * @param timestamps the date formats (the {@code Date} header reads the emulator's clock through it)
     * @param metrics where each reply's status is counted
     */
    public ReplyWriter(UtcTimestamps timestamps, HttpMetrics metrics) {
        this.timestamps = timestamps;
        this.metrics = metrics;
    }

    /** Makes the reply to this request carry {@code QB-Token-ExpirationDate: expiresAt}. */
    public static void reportExpiry(RoutingContext ctx, Instant expiresAt) {
        ctx.put(EXPIRY_KEY, expiresAt);
    }

    /** Undoes {@link #reportExpiry}, for a reply about a session that no longer exists. */
    public static void forgetExpiry(RoutingContext ctx) {
        ctx.remove(EXPIRY_KEY);
    }

    /** Makes the reply to this request leave through {@code damage} (a reply fault) instead of intact. */
    public static void damage(RoutingContext ctx, ReplyDamage damage) {
        ctx.put(DAMAGE_KEY, damage);
    }

    /** A JSON reply. */
    public void json(RoutingContext ctx, int status, String body) {
        send(ctx, status, JSON, body, ctx.get(EXPIRY_KEY));
    }

    /** 200 with an empty body (never 204: the JS SDK treats 204 as an error). */
    public void empty(RoutingContext ctx) {
        send(ctx, 200, null, "", ctx.get(EXPIRY_KEY));
    }

    /** An error reply in QuickBlox's envelope. */
    public void error(RoutingContext ctx, ErrorReply reply) {
        send(ctx, reply.status(), JSON, reply.body(), reply.reportsExpiry() ? ctx.get(EXPIRY_KEY) : null);
    }

    /** A JSON reply outside routing (the session read fast path); never faulted. */
    public void json(HttpServerResponse response, int status, String body, Instant expiresAt) {
        head(response, status, JSON, expiresAt);
        response.end(body);
    }

    /** An error outside routing (a request Netty could not decode); never faulted. */
    public Future<Void> error(HttpServerResponse response, ErrorReply reply) {
        head(response, reply.status(), JSON, null);
        return response.end(reply.body());
    }

    /** 200 with a non-JSON body (metrics exposition). */
    public void text(RoutingContext ctx, String contentType, String body) {
        send(ctx, 200, contentType, body, null);
    }

    /**
     * A reply exactly as given (a refusal fault's), with the uniform headers but never damaged.
     *
     * @param contentType {@code Content-Type}, or null when {@code headers} carry it
     * @param headers extra headers
     */
    public void verbatim(RoutingContext ctx, int status, String contentType, Map<String, String> headers,
            String body) {
        HttpServerResponse response = ctx.response();
        RequestJournal.status(ctx, status);
        head(response, status, contentType, null);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response.putHeader(header.getKey(), header.getValue());
        }
        response.end(body);
    }

    private void send(RoutingContext ctx, int status, CharSequence contentType, String body, Instant expiresAt) {
        HttpServerResponse response = ctx.response();
        RequestJournal.status(ctx, status);
        head(response, status, contentType, expiresAt);
        ReplyDamage damage = ctx.get(DAMAGE_KEY);
        if (damage == null) {
            response.end(body);
        } else {
            damage.send(ctx, body);
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
