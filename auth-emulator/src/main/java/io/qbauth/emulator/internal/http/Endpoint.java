package io.qbauth.emulator.internal.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * One method of a resource and its handler.
 *
 * @param method the HTTP method
 * @param handler the handler
 */
record Endpoint(HttpMethod method, Handler<RoutingContext> handler) {

    static Endpoint get(Handler<RoutingContext> handler) {
        return new Endpoint(HttpMethod.GET, handler);
    }

    static Endpoint post(Handler<RoutingContext> handler) {
        return new Endpoint(HttpMethod.POST, handler);
    }

    static Endpoint put(Handler<RoutingContext> handler) {
        return new Endpoint(HttpMethod.PUT, handler);
    }

    static Endpoint delete(Handler<RoutingContext> handler) {
        return new Endpoint(HttpMethod.DELETE, handler);
    }

    /** Whether the method carries a request body worth reading. */
    boolean hasBody() {
        return method == HttpMethod.POST || method == HttpMethod.PUT;
    }
}
