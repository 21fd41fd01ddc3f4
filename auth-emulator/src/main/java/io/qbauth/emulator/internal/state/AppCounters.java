package io.qbauth.emulator.internal.state;

import io.qbauth.emulator.EmulatorStats;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Per-application counters; cheap to bump from any thread. */
public final class AppCounters {

    private final Map<AuthMethod, LongAdder> sessionsCreated = new EnumMap<>(AuthMethod.class);
    private final LongAdder logins = new LongAdder();
    private final LongAdder signupsCreated = new LongAdder();
    private final LongAdder rejectedSignatures = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder sessionsRefused = new LongAdder();
    private final LongAdder requestsRateLimited = new LongAdder();
    private final LongAdder sessionCreationsRateLimited = new LongAdder();

    AppCounters() {
        for (AuthMethod method : AuthMethod.values()) {
            sessionsCreated.put(method, new LongAdder());
        }
    }

    void sessionCreated(AuthMethod method) {
        sessionsCreated.get(method).increment();
    }

    void sessionRefused() {
        sessionsRefused.increment();
    }

    /** A successful {@code POST /login.json}. */
    public void loginSucceeded() {
        logins.increment();
    }

    /** A user created through {@code POST /users.json}. */
    public void signupCreated() {
        signupsCreated.increment();
    }

    /** A create-session request refused for its signature, auth key, timestamp or nonce. */
    public void signatureRejected() {
        rejectedSignatures.increment();
    }

    /** A request attributed to this application (by token, API key or application id). */
    public void requestReceived() {
        requests.increment();
    }

    /** A request refused with 429 by the plan's requests-per-second limit. */
    public void requestRateLimited() {
        requestsRateLimited.increment();
    }

    /** A session creation refused with 429 by the plan's session-creation limit. */
    public void sessionCreationRateLimited() {
        sessionCreationsRateLimited.increment();
    }

    void reset() {
        sessionsCreated.values().forEach(LongAdder::reset);
        logins.reset();
        signupsCreated.reset();
        rejectedSignatures.reset();
        requests.reset();
        sessionsRefused.reset();
        requestsRateLimited.reset();
        sessionCreationsRateLimited.reset();
    }

    EmulatorStats snapshot(long applicationId, long liveSessions, int maxSessions) {
        Map<String, Long> byMethod = new LinkedHashMap<>();
        Map<String, Long> byKind = new LinkedHashMap<>();
        byKind.put(AuthMethod.APPLICATION_KIND, 0L);
        byKind.put(AuthMethod.USER_KIND, 0L);
        long total = 0;
        for (Map.Entry<AuthMethod, LongAdder> entry : sessionsCreated.entrySet()) {
            long count = entry.getValue().sum();
            byMethod.put(entry.getKey().wireName(), count);
            byKind.merge(entry.getKey().sessionKind(), count, Long::sum);
            total += count;
        }
        return new EmulatorStats(applicationId, total, byKind, byMethod, logins.sum(), signupsCreated.sum(),
                rejectedSignatures.sum(), liveSessions, requests.sum(), sessionsRefused.sum(), maxSessions,
                requestsRateLimited.sum(), sessionCreationsRateLimited.sum());
    }
}
