package io.qbauth.emulator.internal.state;

import java.util.Locale;
import java.util.function.Function;

/** A user attribute the directory can look users up by. */
public enum UserKey {
    /** Unique, compared case-insensitively. */
    LOGIN("login", true, UserProfile::login),
    /** Unique, compared case-insensitively. */
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

    String normalize(String value) {
        if (value == null) {
            return null;
        }
        return this == LOGIN || this == EMAIL ? value.toLowerCase(Locale.ROOT) : value;
    }
}
