package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.journal.RequestJournal;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.Session;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The hottest call, {@code GET /session.json} with a live {@code QB-Token}, served before the router when no fault
 * rule is switched on: the same session lookup, counters, journal entry and reply as the routed path
 * ({@link SessionEndpoints#get}), without a routing context (the router costs about as much as the endpoint itself).
 * Anything else — another path or method, a fault rule, a {@code Transfer-Encoding}, a missing, unknown or expired
 * token, a request over the plan's limit — goes to the router, which answers it as before (the lookup is repeated
 * there; it has no effect the first did not have).
 */
public final class SessionReadFastPath {

    private static final CharSequence QB_TOKEN = HttpHeaders.createOptimized("QB-Token");

    private final Services services;
    private final ReplyWriter replies;
    private final RequestJournal.Ring journal;

    /** @param journal the event loop's journal ring, or null when the journal is off */
    public SessionReadFastPath(Services services, ReplyWriter replies, RequestJournal.Ring journal) {
        this.services = services;
        this.replies = replies;
        this.journal = journal;
    }

    /** Answers the request if it is a plain session read; false (and nothing done) otherwise. */
    public boolean handled(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET || !services.faults().isEmpty()) {
            return false;
        }
        String path = request.path();
        if (!"/session.json".equals(path) && !"/session".equals(path)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        String token = request.getHeader(QB_TOKEN);
        if (token == null || token.isEmpty()) {
            return false;
        }
        Session session = services.sessions().touch(token, services.clock().instant()).orElse(null);
        if (session == null) {
            return false;
        }
        AppState app = services.apps().byId(session.applicationId()).orElseThrow();
        if (services.limits().admitRequest(app.id()) != 0) {
            return false;   // over the plan limit: the router counts and answers the 429 (a refusal consumed nothing)
        }
        app.counters().requestReceived();
        if (journal != null) {
            journal.record(request).status(200);
        }
        replies.json(request.response(), 200, Views.session(session), session.expiresAt());
        return true;
    }
}
