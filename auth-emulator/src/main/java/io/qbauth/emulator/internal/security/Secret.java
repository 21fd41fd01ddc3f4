package io.qbauth.emulator.internal.security;

import java.util.Objects;

/**
 * A secret string (password, provider token, auth secret) whose {@link #toString()} never reveals it, so it cannot
 * reach a log line or an exception message by accident.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself: call only where the value is really needed (hashing, MAC keys, comparisons). */
    public String reveal() {
        return value;
    }

    /** Whether the secret is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "***";
    }
}
