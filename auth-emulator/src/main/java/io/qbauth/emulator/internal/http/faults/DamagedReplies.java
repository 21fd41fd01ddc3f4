package io.qbauth.emulator.internal.http.faults;

import io.qbauth.emulator.Fault;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a reply whose head is already set, damaged by a reply fault: late, cut off by a closed connection,
 * truncated, not JSON, or never finished. The endpoint has done its work by then.
 */
final class DamagedReplies {

    /** The body of an {@link Fault.Kind#INVALID_JSON} reply: looks like JSON, parses as nothing. */
    static final String INVALID_JSON = "{\"session\": {token: 'not json', \"user_id\": NaN,}} <- garbage";
    /** A stalled reply's connection is closed after this, so a client that never gives up does not leak it. */
    static final Duration STALL_LIMIT = Duration.ofMinutes(10);

    private DamagedReplies() {
    }

    static void send(RoutingContext ctx, Fault fault, String body) {
        HttpServerResponse response = ctx.response();
        switch (fault.kind()) {
            case LATENCY -> later(ctx, fault.delay(), body);
            case CONNECTION_RESET -> cutOff(ctx, body);
            case TRUNCATED_JSON -> response.end(firstHalf(body));
            case INVALID_JSON -> response.end(INVALID_JSON);
            case NEVER_ENDS -> stall(ctx, body);
            default -> throw new IllegalArgumentException(fault.kind() + " is not a reply fault");
        }
    }

    private static void later(RoutingContext ctx, Duration delay, String body) {
        HttpServerResponse response = ctx.response();
        if (delay.isZero()) {
            response.end(body);
            return;
        }
        ctx.vertx().setTimer(delay.toMillis(), timer -> {
            if (!response.closed()) {
                response.end(body);
            }
        });
    }

    /** Head and half the body announced in full by {@code Content-Length}, then the connection is closed. */
    private static void cutOff(RoutingContext ctx, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            ctx.request().connection().close();
            return;
        }
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length));
        response.write(Buffer.buffer(bytes).slice(0, Math.max(1, bytes.length / 2)))
                .onComplete(written -> ctx.request().connection().close());
    }

    /** Head and a first chunk, chunked; the last chunk never comes (the connection is closed after a long while). */
    private static void stall(RoutingContext ctx, String body) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true);
        long timer = ctx.vertx().setTimer(STALL_LIMIT.toMillis(), fired -> ctx.request().connection().close());
        response.closeHandler(closed -> ctx.vertx().cancelTimer(timer));
        response.write(firstHalf(body));
    }

    /** Roughly the first half of a body, never all of it; an empty body becomes a lone {@code {}. */
    static String firstHalf(String body) {
        return body.length() < 2 ? "{" : body.substring(0, body.length() / 2);
    }
}
