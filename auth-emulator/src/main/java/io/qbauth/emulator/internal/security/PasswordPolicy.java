package io.qbauth.emulator.internal.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * QuickBlox's sign-up password rules: at least 8 characters, letters, digits and ASCII punctuation only. Both
 * violations can be reported together, in the order QuickBlox lists them.
 */
public final class PasswordPolicy {

    /** Minimum password length. */
    public static final int MIN_LENGTH = 8;
    static final String BAD_CHARACTERS = "should contain alphanumeric and punctuation characters only";
    static final String TOO_SHORT = "is too short (minimum is " + MIN_LENGTH + " characters)";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}\\p{Punct}]*");

    private PasswordPolicy() {
    }

    /** The messages for every rule {@code password} breaks; empty when it is acceptable. */
    public static List<String> violations(Secret password) {
        String value = password.reveal();
        List<String> messages = new ArrayList<>(2);
        if (!ALLOWED.matcher(value).matches()) {
            messages.add(BAD_CHARACTERS);
        }
        if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
            messages.add(TOO_SHORT);
        }
        return messages;
    }
}
