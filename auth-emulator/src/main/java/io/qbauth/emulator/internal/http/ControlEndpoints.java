package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.FaultRule;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's fault controls, never faulted themselves: {@code GET/POST/DELETE /_emulator/faults} (list, add,
 * clear all or {@code ?application_id=} one application's), {@code POST /_emulator/restart} (every session is lost)
 * and {@code POST /_emulator/clock} with {@code {"advance_ms":N}} (the clock jumps).
 */
final class ControlEndpoints {

    private final Services services;
    private final ReplyWriter replies;

    ControlEndpoints(Services services, ReplyWriter replies) {
        this.services = services;
        this.replies = replies;
    }

    void listFaults(RoutingContext ctx) {
        replies.json(ctx, 200, FaultSpecs.list(services.faults().active()));
    }

    void addFault(RoutingContext ctx) {
        FaultSpecs.Spec spec = FaultSpecs.parse(BodyReader.body(ctx));
        FaultRule rule;
        try {
            rule = services.faults().add(spec.fault(), spec.applicationId());
        } catch (IllegalArgumentException unknownApplication) {
            throw ErrorReply.base(422, "No application found").exception();
        }
        replies.json(ctx, 201, FaultSpecs.single(rule));
    }

    void clearFaults(RoutingContext ctx) {
        String application = ctx.request().getParam("application_id");
        if (application == null) {
            services.faults().clear();
        } else {
            long id = PathIds.parsePositive(application);
            if (id <= 0) {
                throw ErrorReply.base(400, "application_id must be a positive integer").exception();
            }
            services.faults().clear(id);
        }
        replies.empty(ctx);
    }

    void restart(RoutingContext ctx) {
        int dropped = services.sessions().clear();
        replies.json(ctx, 200, new JsonWriter(32).beginObject().name("sessions_dropped").value(dropped)
                .endObject().toString());
    }

    void jumpClock(RoutingContext ctx) {
        long millis;
        try {
            JsonObject body = new JsonObject(BodyReader.body(ctx));
            Long advance = body.getLong("advance_ms");
            if (advance == null) {
                throw ErrorReply.base(400, "advance_ms is required").exception();
            }
            millis = advance;
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            throw ErrorReply.base(400, "Expected {\"advance_ms\":<milliseconds>}").exception();
        }
        Instant now = services.clock().jump(Duration.ofMillis(millis));
        replies.json(ctx, 200, new JsonWriter(96).beginObject()
                .name("now").value(UtcTimestamps.bodyDateTime(now))
                .name("offset_ms").value(services.clock().offset().toMillis())
                .endObject().toString());
    }
}
