package io.qbauth.adapter.transport.vertx;

import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One request/response exchange on one Vert.x {@link Context}. Every callback runs on that context, so the mutable
 * fields are confined to its thread and need no synchronisation; the only state shared with other threads is the
 * {@link #result} future.
 *
 * <p>The exchange ends exactly once, by whichever comes first: the whole reply was read, a failure, the deadline
 * (the request's timeout, counted from {@link #start}), a reply body over the size limit, or the caller completing or
 * cancelling the returned future. On any early end the HTTP stream is reset, which for HTTP/1.1 closes the
 * connection: a reply nobody will read is not downloaded further and the connection does not go back to the pool.
 */
final class VertxExchange {

    private static final int INITIAL_BODY_CAPACITY = 8 * 1024;

    private final TransportRequest request;
    private final int maxResponseBytes;
    private final Vertx vertx;
    private final Context context;
    private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();

    // confined to the context thread
    private long deadlineTimer = -1;
    private HttpClientRequest stream;
    private boolean replyRead;

    VertxExchange(TransportRequest request, int maxResponseBytes, Vertx vertx, Context context) {
        this.request = request;
        this.maxResponseBytes = maxResponseBytes;
        this.vertx = vertx;
        this.context = context;
        result.whenComplete((response, failure) -> onContext(this::release));
    }

    /** The future the caller gets; completing or cancelling it ends the exchange. */
    CompletableFuture<ApiResponse> result() {
        return result;
    }

    /** Starts the exchange; call on {@link #context}. */
    void start(HttpClient client, RequestOptions options) {
        if (result.isDone()) {
            return;
        }
        Future<HttpClientRequest> requested;
        try {
            requested = client.request(options);
        } catch (IllegalStateException closed) {
            // the client was closed under us: by close() racing this call, or with the verticle that created it
            result.completeExceptionally(TransportSupport.notSent(request, "the HTTP client is closed"));
            return;
        }
        deadlineTimer = vertx.setTimer(Math.max(1, request.timeout().toMillis()),
                id -> result.completeExceptionally(FailureMapper.timedOut(request)));
        requested.onComplete(obtained -> {
            if (obtained.failed()) {
                result.completeExceptionally(FailureMapper.mapNotSent(request, obtained.cause()));
            } else {
                send(obtained.result());
            }
        });
    }

    private void send(HttpClientRequest obtained) {
        stream = obtained;
        // a failure of the request side is the exchange's too; once the exchange has ended (e.g. the reset of
        // release()) it is dropped here, where without a handler Vert.x would log it at SEVERE ("Stream reset")
        obtained.exceptionHandler(this::fail);
        if (result.isDone()) {
            release();
            return;
        }
        var sent = request.bodyLength() == 0 ? obtained.send() : obtained.send(Buffer.buffer(request.body()));
        sent.onComplete(reply -> {
            if (reply.failed()) {
                fail(reply.cause());
            } else {
                receive(reply.result());
            }
        });
    }

    private void receive(HttpClientResponse response) {
        response.exceptionHandler(this::fail);
        if (result.isDone()) {
            return;
        }
        if (response.statusCode() < 200) {
            // an interim (1xx) reply taken as final (only where ReplyFraming could not be installed) or a 101 nobody
            // asked for: the real reply, if any, is still to come on this connection, so it must never be reused
            response.request().connection().close();
            result.completeExceptionally(FailureMapper.interimTakenAsFinal(request, response.statusCode()));
            return;
        }
        long announced = TransportSupport.replyHasBody(request.method(), response.statusCode())
                ? announcedLength(response.headers()) : 0;
        if (announced > maxResponseBytes) {
            result.completeExceptionally(FailureMapper.tooLarge(request, maxResponseBytes));
            return;
        }
        Buffer body = Buffer.buffer((int) Math.min(announced >= 0 ? announced : INITIAL_BODY_CAPACITY,
                maxResponseBytes));
        response.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            if (chunk.length() > maxResponseBytes - body.length()) {
                result.completeExceptionally(FailureMapper.tooLarge(request, maxResponseBytes));
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.endHandler(end -> {
            replyRead = true;
            result.complete(ApiResponse.received(response.statusCode(), headers(response.headers()),
                    body.getBytes()));
        });
    }

    private void fail(Throwable failure) {
        if (!result.isDone()) {
            result.completeExceptionally(FailureMapper.map(request, failure));
        }
    }

    /** Stops the deadline and, unless the reply was read to its end, resets the stream. Runs on the context. */
    private void release() {
        if (deadlineTimer >= 0) {
            vertx.cancelTimer(deadlineTimer);
            deadlineTimer = -1;
        }
        if (stream != null && !replyRead) {
            stream.reset();
        }
        stream = null;
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    /** The {@code Content-Length} of the reply, or -1 when absent or not a number. */
    private static long announcedLength(MultiMap headers) {
        String value = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The reply's headers as {@link io.qbauth.domain.Headers#copyOf} copies them in one linear pass: case-insensitive
     * and sorted already.
     */
    private static Map<String, List<String>> headers(MultiMap headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : headers) {
            copy.computeIfAbsent(header.getKey(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        return copy;
    }

    /** For tests and diagnostics: the request, without header values or body. */
    @Override
    public String toString() {
        return "VertxExchange[" + request.describe() + (result.isDone() ? ", done" : "") + "]";
    }
}
