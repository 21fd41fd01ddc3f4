package io.qbauth.emulator.internal.http.rendering;

import io.vertx.ext.web.RoutingContext;

/**
 * What a reply fault does to the reply of one request, attached with {@link ReplyWriter#damage}: the
 * {@link ReplyWriter} sets the head as usual, then hands the body to this instead of ending the response. It lets the
 * fault modes act on every reply without the rendering layer knowing them.
 */
@FunctionalInterface
public interface ReplyDamage {

    /**
     * Sends {@code body} (its head already set), damaged.
     *
     * @param ctx the request
     * @param body the body the endpoint wrote
     */
    void send(RoutingContext ctx, String body);
}
