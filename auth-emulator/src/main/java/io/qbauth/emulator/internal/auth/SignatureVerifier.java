package io.qbauth.emulator.internal.auth;

import io.qbauth.emulator.internal.params.RequestParams;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the {@code signature} of a create-session request, per the protocol doc section 3.3: every decoded
 * parameter except {@code signature} as {@code name=value} (nested ones named {@code outer[inner]}), sorted, joined
 * with {@code &}, HMAC'd with the auth secret: SHA-1 for a 40-hex-character signature, SHA-256 for 64. Hex case is
 * ignored (ASCII hex digits only); the MACs are compared in constant time.
 */
public final class SignatureVerifier {

    /** The parameter that carries the signature. */
    public static final String SIGNATURE = "signature";

    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> newMac("HmacSHA1"));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> newMac("HmacSHA256"));

    private SignatureVerifier() {
    }

    /** Whether {@code params} carry a valid signature made with {@code authSecret}. */
    public static boolean verify(RequestParams params, String authSecret) {
        String signature = params.get(SIGNATURE);
        if (signature == null) {
            return false;
        }
        ThreadLocal<Mac> mac = switch (signature.length()) {
            case 40 -> HMAC_SHA1;
            case 64 -> HMAC_SHA256;
            default -> null;
        };
        if (mac == null || !isHex(signature)) {
            return false;
        }
        byte[] expected = hmac(mac.get(), authSecret, stringToSign(params.asMap()));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
    }

    /** The exact string that is signed: sorted {@code name=value} pairs without {@code signature}, joined by &amp;. */
    public static String stringToSign(Map<String, String> params) {
        List<String> pairs = new ArrayList<>(params.size());
        params.forEach((name, value) -> {
            if (!SIGNATURE.equals(name)) {
                pairs.add(name + '=' + value);
            }
        });
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /**
     * ASCII hex digits only. ({@code Character.digit} also takes Arabic-Indic, Devanagari, fullwidth... digits, which
     * {@link HexFormat#parseHex} then refuses with an exception.)
     */
    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmac(Mac mac, String key, String message) {
        try {
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot key " + mac.getAlgorithm(), e);
        }
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
