package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.PlanLimits;
import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.BodyReader;
import io.qbauth.emulator.internal.limits.PlanLimiter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;

/**
 * {@code GET /_emulator/limits} and {@code PUT /_emulator/limits}: the plan limits in force, as
 * {@code {"requests_per_second":N,"session_creations":N,"session_creation_window_seconds":N}} (0: no limit). A PUT
 * replaces them all at once (a member left out is 0, the window 1 s) and answers with the limits now in force; every
 * limit window starts afresh. A member that is unknown, of the wrong type or out of range is a 400 naming it.
 */
public final class LimitsEndpoints {

    private static final String REQUESTS = "requests_per_second";
    private static final String CREATIONS = "session_creations";
    private static final String WINDOW = "session_creation_window_seconds";
    private static final Set<String> MEMBERS = Set.of(REQUESTS, CREATIONS, WINDOW);

    private final PlanLimiter limiter;
    private final ReplyWriter replies;

    /** @param limiter the plan limits these endpoints show and change */
    public LimitsEndpoints(PlanLimiter limiter, ReplyWriter replies) {
        this.limiter = limiter;
        this.replies = replies;
    }

    /** {@code GET /_emulator/limits}. */
    public void show(RoutingContext ctx) {
        replies.json(ctx, 200, render(limiter.limits()));
    }

    /** {@code PUT /_emulator/limits}: 200 with the limits now in force. */
    public void replace(RoutingContext ctx) {
        PlanLimits limits = parse(BodyReader.body(ctx));
        limiter.update(limits);
        replies.json(ctx, 200, render(limits));
    }

    private static PlanLimits parse(Buffer body) {
        JsonObject json = ControlJson.object(body, MEMBERS);
        try {
            return new PlanLimits(integer(json, REQUESTS, 0), integer(json, CREATIONS, 0),
                    Duration.ofSeconds(integer(json, WINDOW, 1)));
        } catch (IllegalArgumentException e) {
            throw ControlJson.invalid(e.getMessage());
        }
    }

    private static int integer(JsonObject json, String name, int absent) {
        Object value = json.getValue(name);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Integer whole)) {     // a fraction, a string, or beyond the int range
            throw ControlJson.invalid(name + " must be a whole number");
        }
        return whole;
    }

    private static String render(PlanLimits limits) {
        return new JsonWriter(128).beginObject()
                .name(REQUESTS).value(limits.requestsPerSecond())
                .name(CREATIONS).value(limits.sessionCreations())
                .name(WINDOW).value(limits.sessionCreationWindow().toSeconds())
                .endObject().toString();
    }
}
