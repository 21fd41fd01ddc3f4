package io.qbauth.emulator.internal.http.faults;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.internal.faults.FaultPlan;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides once per request whether a fault strikes it: global rules when the request arrives ({@link #gate}, from the
 * router's first handler), an application's rules when the request's application becomes known ({@link #admit}).
 * A refusal answers at once ({@link #refuse}); a reply fault is attached to the request for the
 * {@link ReplyWriter} to apply ({@link DamagedReplies}). The emulator's own {@code /_emulator/} endpoints are never
 * struck.
 */
public final class FaultInjector {

    private static final String KEY = "qbauth.emulator.fault";
    /** Marks a request whose application rules were consulted and did not strike. */
    private static final Fault NONE = Fault.latency(java.time.Duration.ZERO);

    private final FaultPlan plan;
    private final ReplyWriter replies;

    /**
     * @param plan the fault rules switched on
     * @param replies writes the replies of refusals
     */
    public FaultInjector(FaultPlan plan, ReplyWriter replies) {
        this.plan = plan;
        this.replies = replies;
    }

    /**
     * Applies global rules to a request for {@code path} (never one for {@code /_emulator/}: the caller, the
     * router's first handler, skips those), then passes it on unless a refusal answered it.
     */
    public void gate(RoutingContext ctx, String path) {
        Fault fault = plan.strikeGlobal(ctx.request().method().name(), path);
        if (fault == null) {
            ctx.next();
            return;
        }
        struck(ctx, fault);
        if (fault.kind().refusesRequest()) {
            refuse(ctx, fault);
        } else {
            ctx.next();
        }
    }

    /**
     * Applies the rules of the request's application, unless a fault was already chosen for this request.
     *
     * @throws InjectedRefusal when a refusal strikes: the handler stops and the failure handler answers
     */
    public void admit(RoutingContext ctx, long applicationId) {
        if (ctx.get(KEY) != null) {
            return;
        }
        Fault fault = plan.strikeApplication(applicationId, ctx.request().method().name(), ctx.request().path());
        if (fault == null) {
            ctx.put(KEY, NONE);
            return;
        }
        struck(ctx, fault);
        if (fault.kind().refusesRequest()) {
            throw new InjectedRefusal(fault);
        }
    }

    /** Answers the request with a refusal fault's reply instead of the endpoint's. */
    public void refuse(RoutingContext ctx, Fault fault) {
        Refusal refusal = Refusal.of(fault);
        replies.verbatim(ctx, refusal.status(), refusal.contentType(), refusal.headers(), refusal.body());
    }

    private static void struck(RoutingContext ctx, Fault fault) {
        ctx.put(KEY, fault);
        if (!fault.kind().refusesRequest()) {
            ReplyWriter.damage(ctx, (request, body) -> DamagedReplies.send(request, fault, body));
        }
    }
}
