package io.qbauth.loadtest.driver;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A session the raw baseline holds: its token, its user (0 for none) and its expiry, which only moves later. */
final class RawSession {

    /** The expiry assumed when a reply does not announce one (QuickBlox's sliding 2 hours). */
    static final Duration FALLBACK_TTL = Duration.ofHours(2);

    private final String token;
    private final long userId;
    private final AtomicReference<Instant> expiresAt;

    RawSession(String token, long userId, Instant expiresAt) {
        this.token = token;
        this.userId = userId;
        this.expiresAt = new AtomicReference<>(expiresAt);
    }

    String token() {
        return token;
    }

    long userId() {
        return userId;
    }

    /** Whether more than {@code margin} is left at {@code now}. */
    boolean isFreshAt(Instant now, Duration margin) {
        return expiresAt.get().minus(margin).isAfter(now);
    }

    /** Moves the expiry to what {@code response} announces, if that is later. */
    void touch(HttpResponse<?> response) {
        RawHttp.expiry(response, Instant.now())
                .ifPresent(expiry -> expiresAt.accumulateAndGet(expiry, (a, b) -> a.isAfter(b) ? a : b));
    }
}
