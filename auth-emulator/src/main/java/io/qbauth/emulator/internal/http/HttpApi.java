package io.qbauth.emulator.internal.http;

import static io.qbauth.emulator.internal.http.Endpoint.delete;
import static io.qbauth.emulator.internal.http.Endpoint.get;
import static io.qbauth.emulator.internal.http.Endpoint.post;
import static io.qbauth.emulator.internal.http.Endpoint.put;

import io.qbauth.emulator.internal.state.AppState;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The emulator's HTTP API: builds the router of one server instance (one per event loop) over shared
 * {@link Services}. Route order puts the hot {@code /session} resource first.
 *
 * <p>Fault modes act in two places: {@link FaultInjector}'s gate, the first handler of every router, and
 * {@link ReplyWriter}, through which every reply goes. {@link #connectionHandler()} counts connections.
 */
public final class HttpApi {

    private final Services services;
    private final int maxBodyBytes;
    private final HttpMetrics httpMetrics = new HttpMetrics();
    private final ConnectionCounter connections = new ConnectionCounter();
    private final ReplyWriter replies;
    private final FaultInjector faults;

    /**
     * @param services shared state and services
     * @param maxBodyBytes request bodies above this size are refused with 413
     */
    public HttpApi(Services services, int maxBodyBytes) {
        this.services = services;
        this.maxBodyBytes = maxBodyBytes;
        this.replies = new ReplyWriter(new UtcTimestamps(services.clock()), httpMetrics);
        this.faults = new FaultInjector(services.faults(), replies);
    }

    /** A router for one server instance; blocking credential work goes to {@code worker}. */
    public Router createRouter(Vertx vertx, WorkerExecutor worker) {
        Authentication authentication = new Authentication(services, faults);
        SessionEndpoints sessions = new SessionEndpoints(services, authentication, replies, worker);
        LoginEndpoints logins = new LoginEndpoints(services, authentication, replies, worker);
        UserEndpoints users = new UserEndpoints(services, authentication, replies, worker);
        UserTokenEndpoint tokens = new UserTokenEndpoint(services, authentication, replies);
        IntrospectionEndpoints introspection = new IntrospectionEndpoints(services, replies, httpMetrics,
                connections::open, this::resetStats);
        ControlEndpoints control = new ControlEndpoints(services, replies);

        Router router = Router.router(vertx);
        router.route().failureHandler(new FailureHandler(replies));
        router.route().handler(faults.gate());
        ResourceRoutes routes = new ResourceRoutes(router,
                BodyHandler.create(false).setBodyLimit(maxBodyBytes), replies);
        routes.exact("/session", get(sessions::get), post(sessions::create), delete(sessions::delete));
        routes.exact("/login", post(logins::login), delete(logins::logout));
        routes.exact("/users", post(users::create));
        routes.pattern("/users/(?<id>[^/]+?)", get(users::show), put(users::update));
        routes.pattern("/users/(?<id>[^/]+)/tokens", post(tokens::mint));
        routes.exact("/_emulator/stats", get(introspection::stats), delete(introspection::resetStats));
        routes.exact("/_emulator/metrics", get(introspection::metrics));
        routes.exact("/_emulator/faults", get(control::listFaults), post(control::addFault),
                delete(control::clearFaults));
        routes.exact("/_emulator/restart", post(control::restart));
        routes.exact("/_emulator/clock", post(control::jumpClock));
        router.route().handler(ctx -> replies.error(ctx, ErrorReply.NOT_FOUND));
        return router;
    }

    /** Zeroes every application's counters and the HTTP status counters. */
    public void resetStats() {
        services.apps().all().forEach(AppState::resetStats);
        httpMetrics.reset();
    }

    /** Counts the connections of a server instance; register it on every server. */
    public Handler<HttpConnection> connectionHandler() {
        return connections;
    }

    /** HTTP connections open now, over every server instance. */
    public long openConnections() {
        return connections.open();
    }

    /** Answers requests the HTTP decoder rejected (oversized headers, bad request line). */
    public Handler<HttpServerRequest> invalidRequestHandler() {
        return new InvalidRequestHandler(replies);
    }
}
