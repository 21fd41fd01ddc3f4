package io.qbauth.config;

import io.qbauth.domain.ConfigurationException;
import java.time.Duration;

/** Field checks of the config builders; each failure is a {@link ConfigurationException} naming the field only. */
final class Checks {

    private Checks() {
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ConfigurationException(field + " is required");
        }
        return value;
    }

    /** Non-blank text of at most {@code maxLength} characters without control characters; the value is never quoted. */
    static String text(String value, String field, int maxLength) {
        notNull(value, field);
        if (value.isBlank() || value.length() > maxLength || value.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException(
                    field + " must be non-blank text of at most " + maxLength + " characters without control characters");
        }
        return value;
    }

    static Duration positive(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(field + " must be a positive duration");
        }
        return value;
    }
}
