package io.qbauth.domain;

import java.time.Duration;
import java.util.Optional;

/** The server throttled the call (429). {@link #retryAfter()} carries the {@code Retry-After} hint, if sent. */
public final class RateLimitedException extends AuthException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, int status, ErrorDetails details, Duration retryAfter) {
        super(message, status, details, null);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
