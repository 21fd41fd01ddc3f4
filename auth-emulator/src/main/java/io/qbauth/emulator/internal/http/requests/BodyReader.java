package io.qbauth.emulator.internal.http.requests;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body into memory for the handler after it, up to a limit. A body over the limit — announced by
 * {@code Content-Length} or found while streaming (chunked) — is answered 413 and the connection is closed once the
 * reply is written: the rest of the body is never read. A body that has not arrived within the header timeout gets the
 * connection closed. The body is the raw bytes: the emulator decodes forms and JSON itself ({@link ParamsReader}).
 */
public final class BodyReader implements Handler<RoutingContext> {

    private static final String KEY = "qbauth.emulator.body";
    private static final Buffer EMPTY = Buffer.buffer(0);

    private final Vertx vertx;
    private final int maxBodyBytes;
    private final long timeoutMillis;

    /**
     * @param maxBodyBytes bodies above this size are refused with 413
     * @param timeoutMillis how long a body may take to arrive before the connection is closed
     */
    public BodyReader(Vertx vertx, int maxBodyBytes, long timeoutMillis) {
        this.vertx = vertx;
        this.maxBodyBytes = maxBodyBytes;
        this.timeoutMillis = timeoutMillis;
    }

    /** The body read for this request; empty when there was none. */
    public static Buffer body(RoutingContext ctx) {
        Buffer body = ctx.get(KEY);
        return body == null ? EMPTY : body;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBodyBytes) {
            ctx.fail(413);
            return;
        }
        if (request.isEnded()) {
            ctx.next();
            return;
        }
        new Collector(ctx).start();
    }

    /** The announced length, {@code Long.MAX_VALUE} when it is not a plain number (Netty has refused those). */
    private static long declaredLength(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 18) {
            return Long.MAX_VALUE;
        }
        long length = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MAX_VALUE;
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    /** Collects one request's body; runs on the request's event loop. */
    private final class Collector {
        private final RoutingContext ctx;
        private Buffer body;
        private boolean done;
        private long timer = -1;

        Collector(RoutingContext ctx) {
            this.ctx = ctx;
        }

        void start() {
            HttpServerRequest request = ctx.request();
            request.handler(this::chunk);
            request.endHandler(this::end);
            request.exceptionHandler(this::failed);
            timer = vertx.setTimer(timeoutMillis, fired -> {
                if (!done) {
                    done = true;
                    ctx.request().connection().close();
                }
            });
            request.resume();
        }

        private void chunk(Buffer chunk) {
            if (done) {
                return;
            }
            int size = (body == null ? 0 : body.length()) + chunk.length();
            if (size > maxBodyBytes) {
                finish();
                ctx.request().pause();
                ctx.fail(413);
                return;
            }
            if (body == null) {
                body = Buffer.buffer(Math.max(chunk.length(), 256));
            }
            body.appendBuffer(chunk);
        }

        private void end(Void ignored) {
            if (done) {
                return;
            }
            finish();
            if (body != null) {
                ctx.put(KEY, body);
            }
            ctx.next();
        }

        private void failed(Throwable failure) {
            if (done) {
                return;
            }
            finish();
            ctx.fail(new UnreadableRequestBody(failure));
        }

        private void finish() {
            done = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }
}
