package io.qbauth.internal.http;

import io.qbauth.domain.Credentials;
import io.qbauth.domain.Credentials.CustomIdentity;
import io.qbauth.domain.Credentials.EmailPassword;
import io.qbauth.domain.Credentials.FacebookToken;
import io.qbauth.domain.Credentials.FirebasePhone;
import io.qbauth.domain.Credentials.LoginPassword;
import io.qbauth.domain.NewUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Credentials and sign-up data as QuickBlox form parameters (wire protocol §4). Session creation nests login, email
 * and password under {@code user[...]}; {@code POST /login.json} sends them top-level. Provider parameters
 * ({@code provider}, {@code scope}, {@code keys[...]}, {@code firebase_phone[...]}) are the same for both. A custom
 * identity travels as login + password.
 */
public final class CredentialParams {

    private CredentialParams() {
    }

    /** Parameters for {@code POST /session.json}. */
    public static Map<String, String> forSession(Credentials credentials) {
        return params(credentials, "user[", "]");
    }

    /** Parameters for {@code POST /login.json}. */
    public static Map<String, String> forLogin(Credentials credentials) {
        return params(credentials, "", "");
    }

    /** The {@code user[...]} form of {@code POST /users.json}. */
    public static Map<String, String> forSignUp(NewUser user) {
        Map<String, String> form = new LinkedHashMap<>();
        userFields(user).forEach((name, value) -> form.put("user[" + name + "]", String.valueOf(value)));
        return form;
    }

    /** The JSON body {@code {"user":{...}}} of {@code POST /users.json}. */
    public static Map<String, Object> forSignUpJson(NewUser user) {
        return Map.of("user", userFields(user));
    }

    /** The sign-up fields by their QuickBlox names, sorted; the external user id stays a number. */
    private static Map<String, Object> userFields(NewUser user) {
        Map<String, Object> fields = new TreeMap<>();
        user.login().ifPresent(v -> fields.put("login", v));
        user.email().ifPresent(v -> fields.put("email", v));
        fields.put("password", user.password());
        user.fullName().ifPresent(v -> fields.put("full_name", v));
        user.phone().ifPresent(v -> fields.put("phone", v));
        user.website().ifPresent(v -> fields.put("website", v));
        user.externalUserId().ifPresent(v -> fields.put("external_user_id", v));
        user.facebookId().ifPresent(v -> fields.put("facebook_id", v));
        user.customData().ifPresent(v -> fields.put("custom_data", v));
        if (!user.tags().isEmpty()) {
            fields.put("tag_list", String.join(",", user.tags()));
        }
        return fields;
    }

    private static Map<String, String> params(Credentials credentials, String open, String close) {
        Map<String, String> params = new TreeMap<>();
        switch (credentials) {
            case LoginPassword c -> {
                params.put(open + "login" + close, c.login());
                params.put(open + "password" + close, c.password());
            }
            case EmailPassword c -> {
                params.put(open + "email" + close, c.email());
                params.put(open + "password" + close, c.password());
            }
            case CustomIdentity c -> {
                params.put(open + "login" + close, c.userId());
                params.put(open + "password" + close, c.accessToken());
            }
            case FacebookToken c -> {
                params.put("provider", "facebook");
                params.put("keys[token]", c.accessToken());
                c.secret().ifPresent(secret -> params.put("keys[secret]", secret));
                c.scope().ifPresent(scope -> params.put("scope", scope));
            }
            case FirebasePhone c -> {
                params.put("provider", "firebase_phone");
                params.put("firebase_phone[project_id]", c.projectId());
                params.put("firebase_phone[access_token]", c.idToken());
            }
        }
        return params;
    }
}
