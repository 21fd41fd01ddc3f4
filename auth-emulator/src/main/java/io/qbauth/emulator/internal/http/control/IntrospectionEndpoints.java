package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.internal.http.journal.RequestJournal;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.HttpMetrics;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.PathIds;
import io.qbauth.emulator.internal.state.AppRegistry;
import io.qbauth.emulator.internal.state.AuthMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The emulator's own endpoints: {@code GET /_emulator/stats} (JSON per application), {@code DELETE
 * /_emulator/stats} (reset), {@code GET /_emulator/metrics} (Prometheus text exposition format 0.0.4) and
 * {@code GET /_emulator/requests} (the request journal, secrets masked; {@code ?limit=N}).
 */
public final class IntrospectionEndpoints {

    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final AppRegistry apps;
    private final Clock clock;
    private final ReplyWriter replies;
    private final HttpMetrics httpMetrics;
    private final Supplier<ConnectionCounts> connections;
    private final RequestJournal journal;
    private final Runnable resetStats;

    /**
     * @param apps the applications whose counters are shown
     * @param clock the emulator's clock
     * @param httpMetrics replies by status
     * @param connections the connection figures now
     * @param journal the request journal
     * @param resetStats zeroes every counter
     */
    public IntrospectionEndpoints(AppRegistry apps, Clock clock, ReplyWriter replies, HttpMetrics httpMetrics,
            Supplier<ConnectionCounts> connections, RequestJournal journal, Runnable resetStats) {
        this.apps = apps;
        this.clock = clock;
        this.replies = replies;
        this.httpMetrics = httpMetrics;
        this.connections = connections;
        this.journal = journal;
        this.resetStats = resetStats;
    }

    /** {@code GET /_emulator/stats}. */
    public void stats(RoutingContext ctx) {
        Instant now = clock.instant();
        replies.json(ctx, 200, StatsView.render(snapshot(now), now, connections.get()));
    }

    /** {@code GET /_emulator/requests[?limit=N]}. */
    public void requests(RoutingContext ctx) {
        String limitParam = ctx.request().getParam("limit");
        int limit = journal.size();
        if (limitParam != null) {
            long parsed = PathIds.parsePositive(limitParam);
            if (parsed <= 0) {
                throw ErrorReply.base(400, "limit must be a positive integer").exception();
            }
            limit = (int) Math.min(parsed, journal.size());
        }
        replies.json(ctx, 200, JournalView.render(journal.last(limit), journal.size()));
    }

    /** {@code DELETE /_emulator/stats}. */
    public void resetStats(RoutingContext ctx) {
        resetStats.run();
        replies.empty(ctx);
    }

    /** {@code GET /_emulator/metrics}: Prometheus text. */
    public void metrics(RoutingContext ctx) {
        List<EmulatorStats> stats = snapshot(clock.instant());
        ConnectionCounts connected = connections.get();
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
        perApp(text, stats, "qbemulator_max_sessions", "gauge", "Live sessions an application may hold.",
                EmulatorStats::maxSessions);
        perApp(text, stats, "qbemulator_sessions_refused_total", "counter",
                "Session creations refused because the application held its maximum of sessions.",
                EmulatorStats::sessionsRefused);
        family(text, "qbemulator_rate_limited_total", "counter",
                "Requests refused with 429 by a plan limit, by limit (requests per second, session creations).");
        for (EmulatorStats app : stats) {
            sample(text, "qbemulator_rate_limited_total", app, "limit=\"requests\"", app.requestsRateLimited());
            sample(text, "qbemulator_rate_limited_total", app, "limit=\"session_creations\"",
                    app.sessionCreationsRateLimited());
        }
        family(text, "qbemulator_open_connections", "gauge", "HTTP connections open now.");
        text.append("qbemulator_open_connections ").append(connected.open()).append('\n');
        family(text, "qbemulator_max_connections", "gauge", "HTTP connections allowed at once.");
        text.append("qbemulator_max_connections ").append(connected.max()).append('\n');
        family(text, "qbemulator_connections_refused_total", "counter",
                "Connections closed at accept because the connection limit was reached.");
        text.append("qbemulator_connections_refused_total ").append(connected.refused()).append('\n');
        family(text, "qbemulator_http_responses_total", "counter", "Replies written, by HTTP status.");
        for (Map.Entry<Integer, Long> entry : httpMetrics.responsesByStatus().entrySet()) {
            text.append("qbemulator_http_responses_total{code=\"").append(entry.getKey()).append("\"} ")
                    .append(entry.getValue()).append('\n');
        }
        replies.text(ctx, PROMETHEUS_TYPE, text.toString());
    }

    private List<EmulatorStats> snapshot(Instant now) {
        return apps.all().stream().map(app -> app.stats(now)).toList();
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
