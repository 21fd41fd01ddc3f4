package io.qbauth.config;

/**
 * What the client may resend after the server answered that the session does not exist (401
 * {@code Required session does not exist}). GET, PUT and DELETE are always resent once with a new session;
 * POST and PATCH only when {@link #replayNonIdempotentAfterSessionExpiry()} is on (the default: the server refused
 * the request at authentication, before running it). A request opts out with {@code ApiRequest.replayable(false)}.
 * Nothing is ever resent after a timeout, an I/O error or a 5xx. Immutable; {@link #ofDefaults()},
 * {@link #custom()} or {@link #from(ReauthPolicy)}.
 */
public final class ReauthPolicy {

    public static final boolean DEFAULT_REPLAY_NON_IDEMPOTENT_AFTER_SESSION_EXPIRY = true;

    private static final ReauthPolicy DEFAULTS = custom().build();

    private final boolean replayNonIdempotentAfterSessionExpiry;

    private ReauthPolicy(Builder b) {
        replayNonIdempotentAfterSessionExpiry = b.replayNonIdempotentAfterSessionExpiry;
    }

    /** POST and PATCH are replayed after a session expiry. */
    public static ReauthPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(ReauthPolicy base) {
        Checks.notNull(base, "base");
        return new Builder().replayNonIdempotentAfterSessionExpiry(base.replayNonIdempotentAfterSessionExpiry);
    }

    /** Whether POST and PATCH requests are replayed once after the server reported the session gone. */
    public boolean replayNonIdempotentAfterSessionExpiry() {
        return replayNonIdempotentAfterSessionExpiry;
    }

    @Override
    public String toString() {
        return "ReauthPolicy[replayNonIdempotentAfterSessionExpiry=" + replayNonIdempotentAfterSessionExpiry + "]";
    }

    /** Builder of {@link ReauthPolicy}. */
    public static final class Builder {
        private boolean replayNonIdempotentAfterSessionExpiry = DEFAULT_REPLAY_NON_IDEMPOTENT_AFTER_SESSION_EXPIRY;

        private Builder() {
        }

        public Builder replayNonIdempotentAfterSessionExpiry(boolean value) {
            replayNonIdempotentAfterSessionExpiry = value;
            return this;
        }

        public ReauthPolicy build() {
            return new ReauthPolicy(this);
        }
    }
}
