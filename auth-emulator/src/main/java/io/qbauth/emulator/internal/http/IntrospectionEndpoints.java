package io.qbauth.emulator.internal.http;

import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.internal.state.AuthMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The emulator's own endpoints: {@code GET /_emulator/stats} (JSON per application), {@code DELETE
 * /_emulator/stats} (reset) and {@code GET /_emulator/metrics} (Prometheus text exposition format 0.0.4).
 */
final class IntrospectionEndpoints {

    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Services services;
    private final ReplyWriter replies;
    private final HttpMetrics httpMetrics;
    private final LongSupplier openConnections;
    private final Runnable resetStats;

    IntrospectionEndpoints(Services services, ReplyWriter replies, HttpMetrics httpMetrics,
            LongSupplier openConnections, Runnable resetStats) {
        this.services = services;
        this.replies = replies;
        this.httpMetrics = httpMetrics;
        this.openConnections = openConnections;
        this.resetStats = resetStats;
    }

    void stats(RoutingContext ctx) {
        Instant now = services.clock().instant();
        replies.json(ctx, 200, Views.stats(snapshot(now), now, openConnections.getAsLong()));
    }

    void resetStats(RoutingContext ctx) {
        resetStats.run();
        replies.empty(ctx);
    }

    void metrics(RoutingContext ctx) {
        List<EmulatorStats> stats = snapshot(services.clock().instant());
        StringBuilder text = new StringBuilder(2048);
        family(text, "qbemulator_sessions_created_total", "counter", "Sessions created, by kind and method.");
        for (EmulatorStats app : stats) {
            for (AuthMethod method : AuthMethod.values()) {
                sample(text, "qbemulator_sessions_created_total", app, "kind=\"" + method.sessionKind()
                        + "\",method=\"" + method.wireName() + "\"",
                        app.sessionsCreatedByMethod().get(method.wireName()));
            }
        }
        perApp(text, stats, "qbemulator_logins_total", "counter", "Successful POST /login.json calls.",
                EmulatorStats::logins);
        perApp(text, stats, "qbemulator_signups_total", "counter", "Users created by POST /users.json.",
                EmulatorStats::signupsCreated);
        perApp(text, stats, "qbemulator_rejected_signatures_total", "counter",
                "Create-session requests refused for signature, auth key, timestamp or nonce.",
                EmulatorStats::rejectedSignatures);
        perApp(text, stats, "qbemulator_requests_total", "counter", "Requests attributed to the application.",
                EmulatorStats::requests);
        perApp(text, stats, "qbemulator_live_sessions", "gauge", "Sessions alive now.",
                EmulatorStats::liveSessions);
        family(text, "qbemulator_open_connections", "gauge", "HTTP connections open now.");
        text.append("qbemulator_open_connections ").append(openConnections.getAsLong()).append('\n');
        family(text, "qbemulator_http_responses_total", "counter", "Replies written, by HTTP status.");
        for (Map.Entry<Integer, Long> entry : httpMetrics.responsesByStatus().entrySet()) {
            text.append("qbemulator_http_responses_total{code=\"").append(entry.getKey()).append("\"} ")
                    .append(entry.getValue()).append('\n');
        }
        replies.text(ctx, PROMETHEUS_TYPE, text.toString());
    }

    private List<EmulatorStats> snapshot(Instant now) {
        return services.apps().all().stream().map(app -> app.stats(now)).toList();
    }

    private static void perApp(StringBuilder text, List<EmulatorStats> stats, String name, String type, String help,
            ToLongFunction<EmulatorStats> value) {
        family(text, name, type, help);
        stats.forEach(app -> sample(text, name, app, null, value.applyAsLong(app)));
    }

    private static void family(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder text, String name, EmulatorStats app, String labels, long value) {
        text.append(name).append("{application_id=\"").append(app.applicationId()).append('"');
        if (labels != null) {
            text.append(',').append(labels);
        }
        text.append("} ").append(value).append('\n');
    }
}
