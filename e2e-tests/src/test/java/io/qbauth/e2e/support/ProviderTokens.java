package io.qbauth.e2e.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Provider tokens in the formats the emulator's test verifier accepts (see auth-emulator's TestTokenVerifier). */
public final class ProviderTokens {

    public static final String FIREBASE_PROJECT = "e2e-firebase-project";

    private ProviderTokens() {
    }

    /** A Facebook access token for the Facebook user {@code facebookUserId}. */
    public static String facebook(String facebookUserId) {
        return "fb-test:" + facebookUserId;
    }

    /** An unsigned ({@code alg: none}) Firebase ID token for {@code phone}, valid for an hour after {@code now}. */
    public static String firebase(String phone, Instant now) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"phone_number\":\"" + phone + "\",\"aud\":\"" + FIREBASE_PROJECT
                + "\",\"exp\":" + (now.getEpochSecond() + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** A custom identity provider token for {@code userId}. */
    public static String customIdentity(String userId) {
        return "idp-test:" + userId;
    }
}
