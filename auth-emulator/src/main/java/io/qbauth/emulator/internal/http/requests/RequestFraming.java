package io.qbauth.emulator.internal.http.requests;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpMessageDecoderResult;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;

/**
 * The request-smuggling checks of RFC 9112 §6.1 and §6.3 on a request that carries {@code Transfer-Encoding}: the
 * only coding accepted is a single {@code chunked}, and a request that also carried {@code Content-Length} is
 * refused. Such a request must be answered 400 and its connection closed; any request with {@code Transfer-Encoding}
 * gets its connection closed after the reply, so nothing sent behind its body is ever read as a request.
 *
 * <p>Netty's decoder drops the {@code Content-Length} of a chunked HTTP/1.1 request before the emulator sees the
 * request, so its presence is inferred from the size of the header block the decoder reports: the block is compared
 * with the headers that are left, each counted with one space after its colon. A missing {@code Content-Length:0}
 * line is at least 17 bytes; the check allows 7 bytes of unusual whitespace before it calls the request conflicting.
 */
public final class RequestFraming {

    /** Bytes a dropped {@code Content-Length} line leaves unexplained, minus slack for unusual whitespace. */
    private static final int DROPPED_CONTENT_LENGTH_BYTES = 10;

    static final ErrorReply CONFLICTING_LENGTH =
            ErrorReply.base(400, "Content-Length and Transfer-Encoding must not both be sent");
    static final ErrorReply UNSUPPORTED_TRANSFER_ENCODING =
            ErrorReply.base(400, "Transfer-Encoding other than chunked is not supported");

    private RequestFraming() {
    }

    /**
     * The error for a request whose {@code Transfer-Encoding} header is {@code transferEncoding}, or null when its
     * framing is sound.
     */
    public static ErrorReply check(HttpServerRequest request, String transferEncoding) {
        List<String> codings = request.headers().getAll("Transfer-Encoding");
        if (codings.size() != 1 || !transferEncoding.trim().equalsIgnoreCase("chunked")) {
            return UNSUPPORTED_TRANSFER_ENCODING;
        }
        if (request.headers().contains("Content-Length") || contentLengthWasDropped(request)) {
            return CONFLICTING_LENGTH;
        }
        return null;
    }

    private static boolean contentLengthWasDropped(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        if (!(result instanceof HttpMessageDecoderResult sized)) {
            return false;
        }
        long explained = 1;
        for (Map.Entry<String, String> header : request.headers()) {
            explained += header.getKey().length() + 2L + header.getValue().length() + 1;
        }
        return sized.headerSize() - explained >= DROPPED_CONTENT_LENGTH_BYTES;
    }
}
