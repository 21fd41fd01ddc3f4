package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Registers resources on a router, each with and without the {@code .json} suffix: one route per method (the body
 * reader first for POST and PUT, after a guard if the resource has one), then a route for any other method answering
 * 405 with an {@code Allow} header.
 */
final class ResourceRoutes {

    private static final String JSON_SUFFIX = ".json";

    private final Router router;
    private final Handler<RoutingContext> bodies;
    private final ReplyWriter replies;

    ResourceRoutes(Router router, Handler<RoutingContext> bodies, ReplyWriter replies) {
        this.router = router;
        this.bodies = bodies;
        this.replies = replies;
    }

    /** A resource at a literal path, e.g. {@code /session}, also served as {@code /session.json}. */
    void exact(String path, Endpoint... endpoints) {
        guarded(null, path, endpoints);
    }

    /** Like {@link #exact}, with {@code guard} as the first handler of every method (before the body is read). */
    void guarded(Handler<RoutingContext> guard, String path, Endpoint... endpoints) {
        for (String variant : List.of(path + JSON_SUFFIX, path)) {
            register(method -> router.route(method, variant), () -> router.route(variant), guard, endpoints);
        }
    }

    /** A resource at a path regular expression with named groups, e.g. {@code /users/(?<id>[^/.]+)}. */
    void pattern(String regex, Endpoint... endpoints) {
        String withOptionalSuffix = regex + "(?:\\.json)?";
        register(method -> router.routeWithRegex(method, withOptionalSuffix),
                () -> router.routeWithRegex(withOptionalSuffix), null, endpoints);
    }

    private void register(Function<HttpMethod, Route> methodRoute, Supplier<Route> anyMethodRoute,
            Handler<RoutingContext> guard, Endpoint... endpoints) {
        for (Endpoint endpoint : endpoints) {
            Route route = methodRoute.apply(endpoint.method());
            if (guard != null) {
                route.handler(guard);
            }
            if (endpoint.hasBody()) {
                route.handler(bodies);
            }
            route.handler(endpoint.handler());
        }
        String allow = List.of(endpoints).stream()
                .map(endpoint -> endpoint.method().name())
                .collect(Collectors.joining(", "));
        anyMethodRoute.get().handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.ALLOW, allow);
            replies.error(ctx, ErrorReply.METHOD_NOT_ALLOWED);
        });
    }
}
