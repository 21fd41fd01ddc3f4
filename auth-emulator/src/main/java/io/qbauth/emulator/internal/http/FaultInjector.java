package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.internal.faults.FaultPlan;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides once per request whether a fault strikes it: global rules when the request arrives ({@link #gate}, from the
 * router's first handler), an application's rules when the request's application becomes known ({@link #admit}).
 * A refusal answers at once; a reply fault is remembered on the request for {@link ReplyWriter} to apply. The
 * emulator's own {@code /_emulator/} endpoints are never struck.
 */
final class FaultInjector {

    private static final String KEY = "qbauth.emulator.fault";
    /** Marks a request whose application rules were consulted and did not strike. */
    private static final Fault NONE = Fault.latency(java.time.Duration.ZERO);

    private final FaultPlan plan;
    private final ReplyWriter replies;

    FaultInjector(FaultPlan plan, ReplyWriter replies) {
        this.plan = plan;
        this.replies = replies;
    }

    /**
     * Applies global rules to a request for {@code path} (never one for {@code /_emulator/}: the caller, the
     * router's first handler, skips those), then passes it on unless a refusal answered it.
     */
    void gate(RoutingContext ctx, String path) {
        Fault fault = plan.strikeGlobal(ctx.request().method().name(), path);
        if (fault == null) {
            ctx.next();
            return;
        }
        ctx.put(KEY, fault);
        if (fault.kind().refusesRequest()) {
            replies.refuse(ctx, fault);
        } else {
            ctx.next();
        }
    }

    /**
     * Applies the rules of the request's application, unless a fault was already chosen for this request.
     *
     * @throws InjectedRefusal when a refusal strikes: the handler stops and the failure handler answers
     */
    void admit(RoutingContext ctx, long applicationId) {
        if (ctx.get(KEY) != null) {
            return;
        }
        Fault fault = plan.strikeApplication(applicationId, ctx.request().method().name(), ctx.request().path());
        ctx.put(KEY, fault == null ? NONE : fault);
        if (fault != null && fault.kind().refusesRequest()) {
            throw new InjectedRefusal(fault);
        }
    }

    /** The reply fault chosen for this request, or null. */
    static Fault replyFault(RoutingContext ctx) {
        Fault fault = ctx.get(KEY);
        return fault == null || fault == NONE || fault.kind().refusesRequest() ? null : fault;
    }
}
