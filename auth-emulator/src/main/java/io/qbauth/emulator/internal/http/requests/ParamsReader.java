package io.qbauth.emulator.internal.http.requests;

import io.qbauth.emulator.internal.http.journal.RequestJournal;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.params.BodyFormat;
import io.qbauth.emulator.internal.params.FormDecoder;
import io.qbauth.emulator.internal.params.RequestParams;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/** Reads a request's parameters: the query string merged with the body (form or JSON), the body winning. */
public final class ParamsReader {

    private ParamsReader() {
    }

    /** The request's parameters, also attached to its journal entry; 415 for a body neither form nor JSON. */
    public static RequestParams read(RoutingContext ctx) {
        String query = ctx.request().query();
        RequestParams fromQuery = query == null || query.isEmpty()
                ? RequestParams.EMPTY
                : FormDecoder.decode(query.getBytes(StandardCharsets.ISO_8859_1));
        Buffer buffer = BodyReader.body(ctx);
        RequestParams params = RequestParams.merge(fromQuery, body(ctx, buffer));
        RequestJournal.params(ctx, params, buffer.length());
        return params;
    }

    private static RequestParams body(RoutingContext ctx, Buffer buffer) {
        if (buffer.length() == 0) {
            return RequestParams.EMPTY;
        }
        byte[] bytes = buffer.getBytes();
        int start = 0;
        while (start < bytes.length && Character.isWhitespace(bytes[start])) {
            start++;
        }
        if (start == bytes.length) {
            return RequestParams.EMPTY;
        }
        BodyFormat format = BodyFormat.of(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), bytes[start]);
        if (format == BodyFormat.UNSUPPORTED) {
            throw ErrorReply.UNSUPPORTED_MEDIA_TYPE.exception();
        }
        return format.decode(bytes, start, bytes.length - start);
    }
}
