package io.qbauth.emulator.support;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of the protocol, written for the tests from the protocol doc: signs create-session parameters and
 * encodes bodies the ways real clients do.
 */
public final class Signing {

    private Signing() {
    }

    /** A copy of {@code params} with {@code signature} added (HMAC-SHA1, or SHA-256 when asked). */
    public static Map<String, String> signed(Map<String, String> params, String secret, String algorithm) {
        String message = new TreeMap<>(params).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .sorted()
                .collect(Collectors.joining("&"));
        Map<String, String> result = new LinkedHashMap<>(params);
        result.put("signature", hmacHex(algorithm, secret, message));
        return result;
    }

    public static Map<String, String> signed(Map<String, String> params, String secret) {
        return signed(params, secret, "HmacSHA1");
    }

    public static String hmacHex(String algorithm, String key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Form body the JS SDK way: bracket keys literal, values percent-encoded with %20 for spaces. */
    public static String jsForm(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue()).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    /** Form body the PHP http_build_query way: keys encoded too (%5B, %5D), spaces as '+'. */
    public static String phpForm(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** JSON body with one level of nesting rebuilt from bracket keys; all values as strings. */
    public static String json(Map<String, String> params) {
        Map<String, Object> tree = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            int bracket = name.indexOf('[');
            if (bracket < 0) {
                tree.put(name, value);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> group = (Map<String, Object>) tree.computeIfAbsent(name.substring(0, bracket),
                        key -> new LinkedHashMap<String, Object>());
                group.put(name.substring(bracket + 1, name.length() - 1), value);
            }
        });
        return new JsonObject(tree).encode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
