package io.qbauth.config;

import io.qbauth.domain.ConfigurationException;
import java.time.Duration;

/**
 * The bounds of a {@code UserPool}: how many user identities (each with its session) it holds at most, how long an
 * unused one is kept, and whether dropping one also ends its session on the server. Immutable; {@link #defaults()}
 * or {@link #builder()}.
 *
 * <ul>
 *   <li>{@link #maxIdentities()} (default {@value #DEFAULT_MAX_IDENTITIES}): when a new user would exceed it, the
 *       least recently used identity that no call is using is evicted first; when every held identity is in use,
 *       the call fails with a {@link io.qbauth.domain.RateLimitedException} (status 0), nothing sent.</li>
 *   <li>{@link #idleTimeout()} (default 30 min): an identity no call has used for this long is evicted (swept in the
 *       background at least every quarter of it, at most every 30 s).</li>
 *   <li>{@link #destroySessionOnEviction()} (default {@code false}): whether an evicted identity's session is also
 *       ended on the server ({@code DELETE /session.json}). Off by default: a QuickBlox session expires by itself
 *       two hours after its last request, the delete is one more request against the application's rate limit,
 *       and it would log out a front end that was handed that token ({@code mintToken}).</li>
 * </ul>
 */
public final class UserPoolConfig {

    /** Default {@link #maxIdentities()}. */
    public static final int DEFAULT_MAX_IDENTITIES = 10_000;
    /** Default {@link #idleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

    private static final UserPoolConfig DEFAULTS = builder().build();

    private final int maxIdentities;
    private final Duration idleTimeout;
    private final boolean destroySessionOnEviction;

    private UserPoolConfig(Builder b) {
        if (b.maxIdentities <= 0) {
            throw new ConfigurationException("maxIdentities must be positive");
        }
        maxIdentities = b.maxIdentities;
        idleTimeout = Checks.positive(b.idleTimeout, "idleTimeout");
        destroySessionOnEviction = b.destroySessionOnEviction;
    }

    /** {@value #DEFAULT_MAX_IDENTITIES} identities, 30 min idle timeout, no server call on eviction. */
    public static UserPoolConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most identities held at once. */
    public int maxIdentities() {
        return maxIdentities;
    }

    /** How long an identity no call uses is kept. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Whether eviction also ends the session on the server. */
    public boolean destroySessionOnEviction() {
        return destroySessionOnEviction;
    }

    @Override
    public String toString() {
        return "UserPoolConfig[maxIdentities=" + maxIdentities + ", idleTimeout=" + idleTimeout
                + ", destroySessionOnEviction=" + destroySessionOnEviction + "]";
    }

    /** Builder of a {@link UserPoolConfig}; {@link #build()} checks the fields. */
    public static final class Builder {
        private int maxIdentities = DEFAULT_MAX_IDENTITIES;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private boolean destroySessionOnEviction;

        private Builder() {
        }

        /** The most identities held at once; positive. */
        public Builder maxIdentities(int value) {
            maxIdentities = value;
            return this;
        }

        /** How long an identity no call uses is kept; positive. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** Whether eviction also ends the session on the server (see the class comment for why it is off). */
        public Builder destroySessionOnEviction(boolean value) {
            destroySessionOnEviction = value;
            return this;
        }

        /** @throws ConfigurationException naming an invalid field */
        public UserPoolConfig build() {
            return new UserPoolConfig(this);
        }
    }
}
