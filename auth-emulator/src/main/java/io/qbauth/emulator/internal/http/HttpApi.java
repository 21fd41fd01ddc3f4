package io.qbauth.emulator.internal.http;

import static io.qbauth.emulator.internal.http.Endpoint.delete;
import static io.qbauth.emulator.internal.http.Endpoint.get;
import static io.qbauth.emulator.internal.http.Endpoint.post;
import static io.qbauth.emulator.internal.http.Endpoint.put;

import io.qbauth.emulator.internal.http.connections.ConnectionLimiter;
import io.qbauth.emulator.internal.http.connections.ConnectionWatch;
import io.qbauth.emulator.internal.http.control.ConnectionCounts;
import io.qbauth.emulator.internal.http.control.ControlEndpoints;
import io.qbauth.emulator.internal.http.control.ControlGuard;
import io.qbauth.emulator.internal.http.control.IntrospectionEndpoints;
import io.qbauth.emulator.internal.http.control.LimitsEndpoints;
import io.qbauth.emulator.internal.http.endpoints.AccountEndpoints;
import io.qbauth.emulator.internal.http.endpoints.AccountSettings;
import io.qbauth.emulator.internal.http.endpoints.Authentication;
import io.qbauth.emulator.internal.http.endpoints.LoginEndpoints;
import io.qbauth.emulator.internal.http.endpoints.Services;
import io.qbauth.emulator.internal.http.endpoints.SessionEndpoints;
import io.qbauth.emulator.internal.http.endpoints.SessionReadFastPath;
import io.qbauth.emulator.internal.http.endpoints.UserEndpoints;
import io.qbauth.emulator.internal.http.endpoints.UserTokenEndpoint;
import io.qbauth.emulator.internal.http.faults.FaultInjector;
import io.qbauth.emulator.internal.http.journal.RequestJournal;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.HttpMetrics;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.rendering.UtcTimestamps;
import io.qbauth.emulator.internal.http.requests.BodyReader;
import io.qbauth.emulator.internal.state.AppState;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The emulator's HTTP API: builds the handlers of one server instance (one per event loop) over shared
 * {@link Services}. Route order puts the hot {@code /session} resource first.
 *
 * <p>Fault modes act in two places: {@link FaultInjector}, consulted by {@link RequestGate} (the first handler of
 * every router), and {@link ReplyWriter}, through which every reply goes. {@link ConnectionWatch} admits, counts and
 * times out connections; {@link ControlGuard} protects {@code /_emulator/}. {@link SessionReadFastPath} serves
 * {@code GET /session.json} before the router while no fault rule is set.
 */
public final class HttpApi {

    private final Services services;
    private final int maxBodyBytes;
    private final ServerLimits limits;
    private final ControlAccess controlAccess;
    private final AccountSettings account;
    private final HttpMetrics httpMetrics = new HttpMetrics();
    private final ConnectionLimiter connections;
    private final RequestJournal journal;
    private final ReplyWriter replies;
    private final FaultInjector faults;

    /**
     * @param services shared state and services
     * @param maxBodyBytes request bodies above this size are refused with 413
     * @param limits connection, timeout and journal limits
     * @param controlAccess who may use the {@code /_emulator/} endpoints
     * @param account the account {@code GET /account_settings.json} describes
     */
    public HttpApi(Services services, int maxBodyBytes, ServerLimits limits, ControlAccess controlAccess,
            AccountSettings account) {
        this.services = services;
        this.account = account;
        this.maxBodyBytes = maxBodyBytes;
        this.limits = limits;
        this.controlAccess = controlAccess;
        this.connections = new ConnectionLimiter(limits.maxConnections());
        this.journal = new RequestJournal(limits.journalSize(), services.clock());
        this.replies = new ReplyWriter(new UtcTimestamps(services.clock()), httpMetrics);
        this.faults = new FaultInjector(services.faults(), replies);
    }

    /** The handlers of one server instance; blocking credential work goes to {@code worker}. */
    public ServerHandlers createServerHandlers(Vertx vertx, WorkerExecutor worker) {
        ConnectionWatch watch = new ConnectionWatch(vertx, connections, limits.headerTimeout().toMillis());
        RequestJournal.Ring ring = journal.enabled() ? journal.newRing() : null;
        Router router = createRouter(vertx, worker, watch, ring);
        SessionReadFastPath sessionReads = new SessionReadFastPath(services, replies, ring);
        Handler<HttpServerRequest> requests = request -> {
            if (watch.requestArrived(request) && !sessionReads.handled(request)) {
                router.handle(request);
            }
        };
        return new ServerHandlers(requests, watch, new InvalidRequestHandler(replies));
    }

    private Router createRouter(Vertx vertx, WorkerExecutor worker, ConnectionWatch watch,
            RequestJournal.Ring ring) {
        Authentication authentication = new Authentication(services, faults);
        SessionEndpoints sessions = new SessionEndpoints(services, authentication, replies, worker);
        LoginEndpoints logins = new LoginEndpoints(services, authentication, replies, worker);
        UserEndpoints users = new UserEndpoints(services, authentication, replies, worker);
        UserTokenEndpoint tokens = new UserTokenEndpoint(services, authentication, replies);
        IntrospectionEndpoints introspection = new IntrospectionEndpoints(services.apps(), services.clock(), replies,
                httpMetrics, this::connectionCounts, journal, this::resetStats);
        ControlEndpoints control = new ControlEndpoints(services.faults(), services.sessions(), services.clock(),
                replies);
        LimitsEndpoints planLimits = new LimitsEndpoints(services.limits(), replies);
        ControlGuard guard = new ControlGuard(controlAccess.loopbackOnly(), controlAccess.token(), replies);

        Router router = Router.router(vertx);
        router.route().failureHandler(new FailureHandler(replies, watch, faults));
        router.route().handler(new RequestGate(watch, ring, faults, replies));
        ResourceRoutes routes = new ResourceRoutes(router,
                new BodyReader(vertx, maxBodyBytes, limits.headerTimeout().toMillis()), replies);
        routes.exact("/session", get(sessions::get), post(sessions::create), delete(sessions::delete));
        routes.exact("/login", post(logins::login), delete(logins::logout));
        routes.exact("/account_settings", get(new AccountEndpoints(account, replies)::settings));
        routes.exact("/users", post(users::create));
        routes.pattern("/users/(?<id>[^/]+?)", get(users::show), put(users::update));
        routes.pattern("/users/(?<id>[^/]+)/tokens", post(tokens::mint));
        routes.guarded(guard, "/_emulator/stats", get(introspection::stats), delete(introspection::resetStats));
        routes.guarded(guard, "/_emulator/metrics", get(introspection::metrics));
        routes.guarded(guard, "/_emulator/requests", get(introspection::requests));
        routes.guarded(guard, "/_emulator/faults", get(control::listFaults), post(control::addFault),
                delete(control::clearFaults));
        routes.guarded(guard, "/_emulator/restart", post(control::restart));
        routes.guarded(guard, "/_emulator/clock", post(control::jumpClock));
        routes.guarded(guard, "/_emulator/limits", get(planLimits::show), put(planLimits::replace));
        router.route().handler(ctx -> replies.error(ctx, ErrorReply.NOT_FOUND));
        return router;
    }

    /** Zeroes every application's counters and the HTTP status counters. */
    public void resetStats() {
        services.apps().all().forEach(AppState::resetStats);
        httpMetrics.reset();
    }

    private ConnectionCounts connectionCounts() {
        return new ConnectionCounts(connections.open(), connections.refused(), connections.max());
    }

    /** HTTP connections open now, over every server instance, counted from accept. */
    public long openConnections() {
        return connections.open();
    }

    /**
     * What one server instance registers.
     *
     * @param requests the request handler
     * @param connections the connection handler (admission, counting, header timeout)
     * @param invalidRequests answers requests the HTTP decoder rejected (oversized headers, bad request line)
     */
    public record ServerHandlers(Handler<HttpServerRequest> requests, Handler<HttpConnection> connections,
            Handler<HttpServerRequest> invalidRequests) {
    }

    /**
     * Who may use the {@code /_emulator/} endpoints.
     *
     * @param loopbackOnly whether the server is bound to a loopback address (then {@code Host} and {@code Origin}
     *     must name a loopback host)
     * @param token the control token every {@code /_emulator/} request must carry, or {@code null} for none
     */
    public record ControlAccess(boolean loopbackOnly, String token) {
        @Override
        public String toString() {
            return "ControlAccess[loopbackOnly=" + loopbackOnly + ", token=" + (token == null ? "none" : "***") + "]";
        }
    }
}
