package io.qbauth.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * QuickBlox-style plan limits, per application: how many requests per second an application may make, and how many
 * sessions it may create per window. Over a limit the emulator answers 429 {@code {"errors":["Too Many Requests"]}}
 * with {@code Retry-After} (whole seconds until the window ends). Off by default ({@link #none()}); a limit of 0
 * means no limit.
 *
 * <p>QuickBlox documents its plans as a number of API calls per second (Basic 80, Starter 120, Growth 160; Enterprise
 * unlimited — help.quickblox.com, "API call rate limit has been exceeded"), so the emulator counts in fixed windows
 * aligned to the emulator's clock: at most {@code requestsPerSecond} requests in any one clock second, at most
 * {@code sessionCreations} creations in any one {@code sessionCreationWindow}. A fixed window is exactly what "N per
 * second" promises, costs one atomic per check, and makes tests deterministic: with a fixed clock every request falls
 * in the same window, and a clock jump opens the next one.
 *
 * <pre>{@code
 * PlanLimits.none().withRequestsPerSecond(80).withSessionCreationsPerMinute(100)
 * }</pre>
 *
 * @param requestsPerSecond requests an application may make per second (every request attributed to it: by its
 *     session's token, its API key, or the {@code application_id} of {@code POST /session.json}); 0 = no limit
 * @param sessionCreations sessions an application may create per {@code sessionCreationWindow} ({@code POST
 *     /session.json} and {@code POST /users/{id}/tokens}); 0 = no limit
 * @param sessionCreationWindow the window of {@code sessionCreations}: whole seconds, from 1 second to 1 hour
 */
public record PlanLimits(int requestsPerSecond, int sessionCreations, Duration sessionCreationWindow) {

    /** The largest limit accepted (per window). */
    public static final int MAX_LIMIT = 1_000_000;
    /** The longest session-creation window accepted. */
    public static final Duration MAX_WINDOW = Duration.ofHours(1);

    private static final PlanLimits NONE = new PlanLimits(0, 0, Duration.ofSeconds(1));

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a negative limit, a limit above {@link #MAX_LIMIT}, or a window that is not
     *     a whole number of seconds from 1 second to {@link #MAX_WINDOW}
     */
    public PlanLimits {
        requireLimit(requestsPerSecond, "requests per second");
        requireLimit(sessionCreations, "session creations");
        Objects.requireNonNull(sessionCreationWindow, "sessionCreationWindow");
        if (sessionCreationWindow.compareTo(Duration.ofSeconds(1)) < 0
                || sessionCreationWindow.compareTo(MAX_WINDOW) > 0 || sessionCreationWindow.getNano() != 0) {
            throw new IllegalArgumentException("the session creation window must be whole seconds from 1 s to 1 h,"
                    + " got " + sessionCreationWindow);
        }
    }

    /** No limit at all: the default. */
    public static PlanLimits none() {
        return NONE;
    }

    /** A copy with at most {@code limit} requests per second per application (0: no limit). */
    public PlanLimits withRequestsPerSecond(int limit) {
        return new PlanLimits(limit, sessionCreations, sessionCreationWindow);
    }

    /** A copy with at most {@code limit} session creations per second per application (0: no limit). */
    public PlanLimits withSessionCreationsPerSecond(int limit) {
        return withSessionCreations(limit, Duration.ofSeconds(1));
    }

    /** A copy with at most {@code limit} session creations per minute per application (0: no limit). */
    public PlanLimits withSessionCreationsPerMinute(int limit) {
        return withSessionCreations(limit, Duration.ofMinutes(1));
    }

    /** A copy with at most {@code limit} session creations per {@code window} per application (0: no limit). */
    public PlanLimits withSessionCreations(int limit, Duration window) {
        return new PlanLimits(requestsPerSecond, limit, window);
    }

    /** Whether no limit is set. */
    public boolean isUnlimited() {
        return requestsPerSecond == 0 && sessionCreations == 0;
    }

    private static void requireLimit(int limit, String what) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(what + " must be from 0 (no limit) to " + MAX_LIMIT + ", got "
                    + limit);
        }
    }
}
