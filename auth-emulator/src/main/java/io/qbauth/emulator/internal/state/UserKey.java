package io.qbauth.emulator.internal.state;

import java.util.function.Function;

/** A user attribute the directory can look users up by. */
public enum UserKey {
    /** Unique, ASCII letters compared case-insensitively, every other code point exactly. */
    LOGIN("login", true, UserProfile::login),
    /** Unique, ASCII letters compared case-insensitively, every other code point exactly. */
    EMAIL("email", true, UserProfile::email),
    /** Unique. */
    FACEBOOK_ID("facebook_id", true, UserProfile::facebookId),
    /** Unique. */
    EXTERNAL_USER_ID("external_user_id", true, profile -> profile.externalUserId() == null
            ? null : profile.externalUserId().toString()),
    /** Not unique: a lookup finds the first user that registered the number. */
    PHONE("phone", false, UserProfile::phone);

    private final String field;
    private final boolean unique;
    private final Function<UserProfile, String> extractor;

    UserKey(String field, boolean unique, Function<UserProfile, String> extractor) {
        this.field = field;
        this.unique = unique;
        this.extractor = extractor;
    }

    /** The wire name of the attribute, used as the key of validation errors. */
    public String field() {
        return field;
    }

    boolean unique() {
        return unique;
    }

    /** The normalized index key of {@code profile}, or {@code null} when the attribute is unset. */
    String keyOf(UserProfile profile) {
        return normalize(extractor.apply(profile));
    }

    /**
     * The index key of a value: logins and e-mails with ASCII {@code A-Z} folded to {@code a-z} and nothing else —
     * {@code toLowerCase} would also map U+212A KELVIN SIGN to {@code k} and U+0130 to {@code i̇}, making a different
     * string match an existing login.
     */
    String normalize(String value) {
        if (value == null) {
            return null;
        }
        return this == LOGIN || this == EMAIL ? foldAscii(value) : value;
    }

    private static String foldAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] folded = value.toCharArray();
                for (int j = i; j < folded.length; j++) {
                    if (folded[j] >= 'A' && folded[j] <= 'Z') {
                        folded[j] = (char) (folded[j] + ('a' - 'A'));
                    }
                }
                return new String(folded);
            }
        }
        return value;
    }
}
