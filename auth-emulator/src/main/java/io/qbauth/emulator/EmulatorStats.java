package io.qbauth.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of one application's counters since start (or the last {@link QbEmulator#resetStats()}).
 *
 * @param applicationId the application
 * @param sessionsCreated sessions created, all kinds
 * @param sessionsCreatedByKind sessions created per kind: {@code application}, {@code user}
 * @param sessionsCreatedByMethod sessions created per method: {@code app}, {@code login}, {@code email},
 *     {@code facebook}, {@code firebase_phone}, {@code custom}, {@code api_key} (tokens minted with an API key)
 * @param logins successful {@code POST /login.json} calls
 * @param signupsCreated users created by {@code POST /users.json}
 * @param rejectedSignatures create-session requests refused for their signature, auth key, timestamp or nonce
 * @param liveSessions sessions alive now (a gauge: not reset)
 * @param requests requests attributed to the application by token, API key or {@code application_id}
 * @param sessionsRefused session creations refused because the application held its maximum of live sessions
 * @param maxSessions the most sessions the application may hold at once (a setting)
 * @param requestsRateLimited requests refused with 429 by the plan's requests-per-second limit ({@link PlanLimits})
 * @param sessionCreationsRateLimited session creations refused with 429 by the plan's session-creation limit
 */
public record EmulatorStats(
        long applicationId,
        long sessionsCreated,
        Map<String, Long> sessionsCreatedByKind,
        Map<String, Long> sessionsCreatedByMethod,
        long logins,
        long signupsCreated,
        long rejectedSignatures,
        long liveSessions,
        long requests,
        long sessionsRefused,
        long maxSessions,
        long requestsRateLimited,
        long sessionCreationsRateLimited) {

    /** Copies the maps into unmodifiable ones that keep their order. */
    public EmulatorStats {
        sessionsCreatedByKind = Collections.unmodifiableMap(new LinkedHashMap<>(sessionsCreatedByKind));
        sessionsCreatedByMethod = Collections.unmodifiableMap(new LinkedHashMap<>(sessionsCreatedByMethod));
    }
}
