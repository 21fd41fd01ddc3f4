package io.qbauth.emulator.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds that keep a hostile or careless client from exhausting the emulator: connections, how long a connection
 * may take to deliver a request, live sessions, and the size of the request journal.
 *
 * @param maxConnections connections open at once; one more is closed at accept
 * @param headerTimeout how long a new connection may take to deliver its first request head, and any request its
 *     body; the connection is closed after it
 * @param idleTimeout a connection from which no byte arrives for this long is closed
 * @param maxSessionsPerApp live sessions per application; creating one more is refused with 429
 * @param journalSize requests kept by the request journal ({@code GET /_emulator/requests}); 0 switches it off
 */
public record ServerLimits(
        int maxConnections, Duration headerTimeout, Duration idleTimeout, int maxSessionsPerApp, int journalSize) {

    /** Validates. */
    public ServerLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + maxConnections);
        }
        requirePositive(headerTimeout, "header timeout");
        requirePositive(idleTimeout, "idle timeout");
        if (maxSessionsPerApp < 1) {
            throw new IllegalArgumentException("max sessions per application must be at least 1, got "
                    + maxSessionsPerApp);
        }
        if (journalSize < 0) {
            throw new IllegalArgumentException("journal size must not be negative, got " + journalSize);
        }
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.toMillis() < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 ms, got " + duration);
        }
    }
}
