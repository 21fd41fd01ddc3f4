package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.internal.http.connections.ConnectionWatch;
import io.qbauth.emulator.internal.http.faults.FaultInjector;
import io.qbauth.emulator.internal.http.journal.RequestJournal;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.RequestFraming;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The router's first handler, one hop for every request: records it in the request journal (unless it is for
 * {@code /_emulator/}), refuses unsound framing ({@link RequestFraming}: 400 and the connection closed; any chunked
 * request closes its connection after the reply), then lets global fault rules strike ({@link FaultInjector}).
 */
final class RequestGate implements Handler<RoutingContext> {

    static final String CONTROL_PREFIX = "/_emulator/";

    private final ConnectionWatch connections;
    private final RequestJournal.Ring journal;
    private final FaultInjector faults;
    private final ReplyWriter replies;

    /** @param journal the event loop's journal ring, or null when the journal is off */
    RequestGate(ConnectionWatch connections, RequestJournal.Ring journal, FaultInjector faults, ReplyWriter replies) {
        this.connections = connections;
        this.journal = journal;
        this.faults = faults;
        this.replies = replies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        boolean control = path == null || path.startsWith(CONTROL_PREFIX);
        if (journal != null && !control) {
            journal.record(ctx);
        }
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null) {
            connections.closeAfterReply(ctx);
            ErrorReply refused = RequestFraming.check(request, transferEncoding);
            if (refused != null) {
                replies.error(ctx, refused);
                return;
            }
        }
        if (control) {
            ctx.next();
        } else {
            faults.gate(ctx, path);
        }
    }
}
