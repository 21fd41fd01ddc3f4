package io.qbauth.domain;

/** Argument checks shared by the domain types; every failure is an {@link InvalidInputException} naming the field. */
final class Text {

    private Text() {
    }

    /**
     * Returns {@code value} if it is non-blank, at most {@code maxLength} characters long and free of control
     * characters. The message names {@code field} and never quotes the value (it may be a secret).
     */
    static String require(String value, String field, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(field + " is required");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(field + " must be at most " + maxLength + " characters");
        }
        if (hasControlCharacter(value)) {
            throw new InvalidInputException(field + " must not contain control characters");
        }
        return value;
    }

    /** Like {@link #require} but {@code null} is allowed and stays {@code null}. */
    static String optional(String value, String field, int maxLength) {
        return value == null ? null : require(value, field, maxLength);
    }

    /** Whether {@code value} contains an ISO control character (C0, DEL or C1). */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Throws if {@code value} is null, naming the field. */
    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field + " is required");
        }
        return value;
    }
}
