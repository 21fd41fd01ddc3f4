package io.qbauth.emulator.internal.http;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests the HTTP decoder rejected before routing (oversized headers or request line, garbage) with a
 * QuickBlox-shaped JSON error, then closes the connection, whose framing can no longer be trusted.
 */
final class InvalidRequestHandler implements Handler<HttpServerRequest> {

    private final ReplyWriter replies;

    InvalidRequestHandler(ReplyWriter replies) {
        this.replies = replies;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ErrorReply reply;
        if (cause instanceof TooLongHttpHeaderException) {
            reply = ErrorReply.HEADERS_TOO_LARGE;
        } else if (cause instanceof TooLongHttpLineException) {
            reply = ErrorReply.URI_TOO_LONG;
        } else if (cause instanceof TooLongFrameException) {
            reply = ErrorReply.PAYLOAD_TOO_LARGE;
        } else {
            reply = ErrorReply.BAD_REQUEST;
        }
        replies.error(request.response(), reply).onComplete(done -> request.connection().close());
    }
}
