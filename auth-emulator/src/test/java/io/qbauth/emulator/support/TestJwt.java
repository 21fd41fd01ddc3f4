package io.qbauth.emulator.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Firebase-style ID tokens in the default verifier's test format. */
public final class TestJwt {

    private TestJwt() {
    }

    public static String unsigned(String claimsJson) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claimsJson) + ".";
    }

    /** HS256 keyed with {@code key} (the default verifier expects the project id). */
    public static String hs256(String claimsJson, String key) {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claimsJson);
        byte[] mac = HexFormat.of().parseHex(Signing.hmacHex("HmacSHA256", key, signingInput));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    public static String phoneClaims(String phone, String audience, long expiresAtEpochSecond) {
        return "{\"phone_number\":\"" + phone + "\",\"aud\":\"" + audience + "\",\"exp\":" + expiresAtEpochSecond
                + ",\"sub\":\"firebase-uid-1\"}";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
