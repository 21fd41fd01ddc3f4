package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.internal.faults.AdjustableClock;
import io.qbauth.emulator.internal.faults.FaultPlan;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.rendering.UtcTimestamps;
import io.qbauth.emulator.internal.http.requests.BodyReader;
import io.qbauth.emulator.internal.http.requests.PathIds;
import io.qbauth.emulator.internal.state.SessionStore;
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
public final class ControlEndpoints {

    private final FaultPlan faults;
    private final SessionStore sessions;
    private final AdjustableClock clock;
    private final ReplyWriter replies;

    /**
     * @param faults the fault rules these endpoints list, add and clear
     * @param sessions the sessions a restart drops
     * @param clock the clock these endpoints jump
     */
    public ControlEndpoints(FaultPlan faults, SessionStore sessions, AdjustableClock clock, ReplyWriter replies) {
        this.faults = faults;
        this.sessions = sessions;
        this.clock = clock;
        this.replies = replies;
    }

    /** {@code GET /_emulator/faults}. */
    public void listFaults(RoutingContext ctx) {
        replies.json(ctx, 200, FaultSpecs.list(faults.active()));
    }

    /** {@code POST /_emulator/faults}: 201 with the rule added. */
    public void addFault(RoutingContext ctx) {
        FaultSpecs.Spec spec = FaultSpecs.parse(BodyReader.body(ctx));
        FaultRule rule;
        try {
            rule = faults.add(spec.fault(), spec.applicationId());
        } catch (IllegalArgumentException unknownApplication) {
            throw ErrorReply.base(422, "No application found").exception();
        }
        replies.json(ctx, 201, FaultSpecs.single(rule));
    }

    /** {@code DELETE /_emulator/faults[?application_id=N]}. */
    public void clearFaults(RoutingContext ctx) {
        String application = ctx.request().getParam("application_id");
        if (application == null) {
            faults.clear();
        } else {
            long id = PathIds.parsePositive(application);
            if (id <= 0) {
                throw ErrorReply.base(400, "application_id must be a positive integer").exception();
            }
            faults.clear(id);
        }
        replies.empty(ctx);
    }

    /** {@code POST /_emulator/restart}: every session is dropped. */
    public void restart(RoutingContext ctx) {
        int dropped = sessions.clear();
        replies.json(ctx, 200, new JsonWriter(32).beginObject().name("sessions_dropped").value(dropped)
                .endObject().toString());
    }

    /** {@code POST /_emulator/clock} with {@code {"advance_ms":N}}. */
    public void jumpClock(RoutingContext ctx) {
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
        Instant now = clock.jump(Duration.ofMillis(millis));
        replies.json(ctx, 200, new JsonWriter(96).beginObject()
                .name("now").value(UtcTimestamps.bodyDateTime(now))
                .name("offset_ms").value(clock.offset().toMillis())
                .endObject().toString());
    }
}
