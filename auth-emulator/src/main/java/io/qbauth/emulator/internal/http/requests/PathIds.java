package io.qbauth.emulator.internal.http.requests;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.vertx.ext.web.RoutingContext;

/** Numeric ids in paths and headers. */
public final class PathIds {

    private PathIds() {
    }

    /** The {@code id} path parameter as a positive number; 404 {@code Not Found} otherwise, as for an unknown path. */
    public static long userId(RoutingContext ctx) {
        long id = parsePositive(ctx.pathParam("id"));
        if (id <= 0) {
            throw ErrorReply.NOT_FOUND.exception();
        }
        return id;
    }

    /** A positive decimal number, or {@code -1} when {@code text} is not one. */
    public static long parsePositive(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            long value = Long.parseLong(text);
            return value > 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
