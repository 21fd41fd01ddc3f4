package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.params.RequestParams;
import io.qbauth.emulator.internal.security.PasswordPolicy;
import io.qbauth.emulator.internal.security.Secret;
import io.qbauth.emulator.internal.state.UserDirectory;
import io.qbauth.emulator.internal.state.UserProfile;
import io.qbauth.emulator.internal.state.ValidationFailure;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@code user[...]} parameters of a sign-up or a profile update, validated the QuickBlox way: string fields
 * trimmed (never the password), login or e-mail required, password rules, numeric ids, unique login / e-mail /
 * Facebook id / external user id. All problems are reported together, keyed by field, in a stable field order.
 * A login or e-mail that is not in Unicode NFC is invalid: logins are matched code point by code point (ASCII letters
 * case-insensitively, see {@code UserKey}), so canonically equivalent look-alikes must not be able to coexist.
 *
 * @param profile the resulting profile
 * @param password the new password, or {@code null} when none was sent (updates)
 * @param oldPassword the current password sent with a password change, or {@code null}
 */
record UserForm(UserProfile profile, Secret password, Secret oldPassword) {

    private static final String GROUP = "user";
    private static final String BLANK = "can't be blank";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final Map<String, BiConsumer<UserProfile.Builder, String>> TEXT_FIELDS = textFields();
    private static final Map<String, BiConsumer<UserProfile.Builder, Long>> NUMBER_FIELDS = Map.of(
            "external_user_id", UserProfile.Builder::externalUserId,
            "blob_id", UserProfile.Builder::blobId);
    private static final List<String> FIELD_ORDER = List.of("login", "email", "password", "old_password",
            "full_name", "phone", "website", "external_user_id", "facebook_id", "blob_id", "custom_data", "tag_list",
            "base");

    /** A sign-up: password required; login or e-mail required. */
    static UserForm signUp(RequestParams params, UserDirectory users) {
        Errors errors = new Errors();
        UserProfile profile = readProfile(params, UserProfile.builder(), errors);
        Secret password = newPassword(params, errors);
        if (password == null) {
            errors.add("password", BLANK);
        }
        return validated(new UserForm(profile, password, null), users, 0, errors);
    }

    /** A profile update of {@code current}: only the fields sent change; a new password needs the old one. */
    static UserForm update(RequestParams params, UserProfile current, long userId, UserDirectory users) {
        Errors errors = new Errors();
        UserProfile profile = readProfile(params, current.toBuilder(), errors);
        Secret password = newPassword(params, errors);
        String oldPassword = params.get(GROUP, "old_password");
        if (password != null && (oldPassword == null || oldPassword.isEmpty())) {
            errors.add("old_password", BLANK);
        }
        Secret old = oldPassword == null ? null : Secret.of(oldPassword);
        return validated(new UserForm(profile, password, old), users, userId, errors);
    }

    private static UserForm validated(UserForm form, UserDirectory users, long userId, Errors errors) {
        if (form.profile.login() == null && form.profile.email() == null) {
            errors.add("base", "Login or email required");
        }
        users.takenFields(form.profile, userId).forEach(field -> errors.add(field, ValidationFailure.TAKEN));
        errors.throwIfAny();
        return form;
    }

    private static UserProfile readProfile(RequestParams params, UserProfile.Builder profile, Errors errors) {
        TEXT_FIELDS.forEach((field, setter) -> {
            String value = params.get(GROUP, field);
            if (value != null) {
                setter.accept(profile, value.isBlank() ? null : value.trim());
            }
        });
        NUMBER_FIELDS.forEach((field, setter) -> {
            String value = params.get(GROUP, field);
            if (value != null) {
                readNumber(field, value.trim(), errors, number -> setter.accept(profile, number));
            }
        });
        UserProfile result = profile.build();
        if (result.login() != null && !Normalizer.isNormalized(result.login(), Normalizer.Form.NFC)) {
            errors.add("login", "is invalid");
        }
        if (result.email() != null && (!EMAIL.matcher(result.email()).matches()
                || !Normalizer.isNormalized(result.email(), Normalizer.Form.NFC))) {
            errors.add("email", "is invalid");
        }
        return result;
    }

    private static void readNumber(String field, String text, Errors errors, Consumer<Long> sink) {
        if (text.isEmpty()) {
            sink.accept(null);
            return;
        }
        try {
            if (!text.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-' || c == '+')) {
                throw new NumberFormatException("not ASCII digits");    // Long.valueOf takes any script's digits
            }
            sink.accept(Long.valueOf(text));
        } catch (NumberFormatException e) {
            errors.add(field, "is not a number");
        }
    }

    private static Secret newPassword(RequestParams params, Errors errors) {
        String value = params.get(GROUP, "password");
        if (value == null || value.isEmpty()) {
            return null;
        }
        Secret password = Secret.of(value);
        PasswordPolicy.violations(password).forEach(message -> errors.add("password", message));
        return password;
    }

    private static Map<String, BiConsumer<UserProfile.Builder, String>> textFields() {
        Map<String, BiConsumer<UserProfile.Builder, String>> fields = new LinkedHashMap<>();
        fields.put("login", UserProfile.Builder::login);
        fields.put("email", UserProfile.Builder::email);
        fields.put("full_name", UserProfile.Builder::fullName);
        fields.put("phone", UserProfile.Builder::phone);
        fields.put("website", UserProfile.Builder::website);
        fields.put("facebook_id", UserProfile.Builder::facebookId);
        fields.put("custom_data", UserProfile.Builder::customData);
        fields.put("tag_list", UserProfile.Builder::userTags);
        return fields;
    }

    /** Collects messages per field and throws them in {@link #FIELD_ORDER}. */
    private static final class Errors {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        void add(String field, String message) {
            byField.computeIfAbsent(field, key -> new ArrayList<>(2)).add(message);
        }

        void throwIfAny() {
            if (byField.isEmpty()) {
                return;
            }
            Map<String, List<String>> ordered = new LinkedHashMap<>();
            FIELD_ORDER.forEach(field -> {
                if (byField.containsKey(field)) {
                    ordered.put(field, byField.get(field));
                }
            });
            throw new ValidationFailure(ordered);
        }
    }
}
