package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.qbauth.emulator.internal.http.rendering.UtcTimestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The body of {@code GET /_emulator/stats}. */
final class StatsView {

    private StatsView() {
    }

    /**
     * {@code {"generated_at":"...","open_connections":N,"connections_refused":N,"max_connections":N,
     * "apps":{"<id>":{...}}}}.
     */
    static String render(Collection<EmulatorStats> apps, Instant now, ConnectionCounts connections) {
        JsonWriter json = new JsonWriter(512).beginObject()
                .name("generated_at").value(UtcTimestamps.bodyDateTime(now))
                .name("open_connections").value(connections.open())
                .name("connections_refused").value(connections.refused())
                .name("max_connections").value(connections.max())
                .name("apps").beginObject();
        for (EmulatorStats stats : apps) {
            json.name(Long.toString(stats.applicationId())).beginObject()
                    .name("application_id").value(stats.applicationId())
                    .name("sessions_created").value(stats.sessionsCreated());
            counts(json.name("sessions_created_by_kind"), stats.sessionsCreatedByKind());
            counts(json.name("sessions_created_by_method"), stats.sessionsCreatedByMethod());
            json.name("logins").value(stats.logins())
                    .name("signups_created").value(stats.signupsCreated())
                    .name("rejected_signatures").value(stats.rejectedSignatures())
                    .name("live_sessions").value(stats.liveSessions())
                    .name("requests").value(stats.requests())
                    .name("sessions_refused").value(stats.sessionsRefused())
                    .name("max_sessions").value(stats.maxSessions())
                    .name("requests_rate_limited").value(stats.requestsRateLimited())
                    .name("session_creations_rate_limited").value(stats.sessionCreationsRateLimited())
                    .endObject();
        }
        return json.endObject().endObject().toString();
    }

    private static void counts(JsonWriter json, Map<String, Long> counts) {
        json.beginObject();
        counts.forEach((key, count) -> json.name(key).value(count.longValue()));
        json.endObject();
    }
}
