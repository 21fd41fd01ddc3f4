package io.qbauth.config;

import io.qbauth.domain.ConfigurationException;
import java.time.Duration;

/**
 * When the client re-creates a session before it expires, and how it backs off after failing to create one.
 * Immutable; {@link #ofDefaults()}, {@link #custom()} or {@link #from(RefreshPolicy)}.
 *
 * <ul>
 *   <li>more than {@link #prefetchMargin()} left: the session is used as is;</li>
 *   <li>between {@link #staleMargin()} and the prefetch margin left: it is still used, and one background creation
 *       of its successor starts;</li>
 *   <li>{@link #staleMargin()} or less left: callers wait for one shared creation.</li>
 * </ul>
 * Without a {@code QB-Token-ExpirationDate} header, a session is assumed to expire {@link #fallbackTtl()} after the
 * last request made with it. After a failed creation the next attempt waits {@link #minRetryInterval()}, doubling up
 * to {@link #maxRetryInterval()}; callers in between get the same failure at once. A server's {@code Retry-After}
 * lengthens that wait, never beyond {@link #maxRetryInterval()}.
 * <p>
 * The margins are upper bounds: for a session the server gives less than twice the prefetch margin to live, the
 * client uses half its lifetime as the prefetch margin and a quarter as the stale margin, so short-lived sessions
 * are created at most once per half lifetime.
 */
public final class RefreshPolicy {

    public static final Duration DEFAULT_PREFETCH_MARGIN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STALE_MARGIN = Duration.ofSeconds(60);
    public static final Duration DEFAULT_FALLBACK_TTL = Duration.ofHours(2);
    public static final Duration DEFAULT_MIN_RETRY_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_RETRY_INTERVAL = Duration.ofSeconds(30);

    private static final RefreshPolicy DEFAULTS = custom().build();

    private final Duration prefetchMargin;
    private final Duration staleMargin;
    private final Duration fallbackTtl;
    private final Duration minRetryInterval;
    private final Duration maxRetryInterval;

    private RefreshPolicy(Builder b) {
        prefetchMargin = Checks.positive(b.prefetchMargin, "prefetchMargin");
        staleMargin = Checks.positive(b.staleMargin, "staleMargin");
        fallbackTtl = Checks.positive(b.fallbackTtl, "fallbackTtl");
        minRetryInterval = Checks.positive(b.minRetryInterval, "minRetryInterval");
        maxRetryInterval = Checks.positive(b.maxRetryInterval, "maxRetryInterval");
        if (staleMargin.compareTo(prefetchMargin) > 0) {
            throw new ConfigurationException("staleMargin must not exceed prefetchMargin");
        }
        if (prefetchMargin.compareTo(fallbackTtl) >= 0) {
            throw new ConfigurationException("prefetchMargin must be shorter than fallbackTtl");
        }
        if (minRetryInterval.compareTo(maxRetryInterval) > 0) {
            throw new ConfigurationException("minRetryInterval must not exceed maxRetryInterval");
        }
    }

    /** 5 min prefetch margin, 60 s stale margin, 2 h fallback TTL, retries after 250 ms doubling to 30 s. */
    public static RefreshPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(RefreshPolicy base) {
        Checks.notNull(base, "base");
        return new Builder().prefetchMargin(base.prefetchMargin).staleMargin(base.staleMargin)
                .fallbackTtl(base.fallbackTtl).minRetryInterval(base.minRetryInterval)
                .maxRetryInterval(base.maxRetryInterval);
    }

    /** Remaining lifetime under which a successor is created in the background. */
    public Duration prefetchMargin() {
        return prefetchMargin;
    }

    /** Remaining lifetime under which a session is no longer used. */
    public Duration staleMargin() {
        return staleMargin;
    }

    /** Assumed lifetime after the last request when the server sends no expiry header. */
    public Duration fallbackTtl() {
        return fallbackTtl;
    }

    /** Wait after the first failed creation. */
    public Duration minRetryInterval() {
        return minRetryInterval;
    }

    /** Longest wait between failed creations. */
    public Duration maxRetryInterval() {
        return maxRetryInterval;
    }

    @Override
    public String toString() {
        return "RefreshPolicy[prefetchMargin=" + prefetchMargin + ", staleMargin=" + staleMargin + ", fallbackTtl="
                + fallbackTtl + ", minRetryInterval=" + minRetryInterval + ", maxRetryInterval=" + maxRetryInterval
                + "]";
    }

    /** Builder of {@link RefreshPolicy}; {@link #build()} validates. */
    public static final class Builder {
        private Duration prefetchMargin = DEFAULT_PREFETCH_MARGIN;
        private Duration staleMargin = DEFAULT_STALE_MARGIN;
        private Duration fallbackTtl = DEFAULT_FALLBACK_TTL;
        private Duration minRetryInterval = DEFAULT_MIN_RETRY_INTERVAL;
        private Duration maxRetryInterval = DEFAULT_MAX_RETRY_INTERVAL;

        private Builder() {
        }

        public Builder prefetchMargin(Duration value) { prefetchMargin = value; return this; }
        public Builder staleMargin(Duration value) { staleMargin = value; return this; }
        public Builder fallbackTtl(Duration value) { fallbackTtl = value; return this; }
        public Builder minRetryInterval(Duration value) { minRetryInterval = value; return this; }
        public Builder maxRetryInterval(Duration value) { maxRetryInterval = value; return this; }

        /**
         * Builds the policy.
         *
         * @throws ConfigurationException naming the invalid field (all positive; stale ≤ prefetch &lt; fallback TTL;
         *                                min retry ≤ max retry)
         */
        public RefreshPolicy build() {
            return new RefreshPolicy(this);
        }
    }
}
