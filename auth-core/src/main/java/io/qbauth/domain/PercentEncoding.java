package io.qbauth.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Percent-encoding of form bodies, query strings and path variables the way the QuickBlox SDKs send them: UTF-8,
 * every byte outside the RFC 3986 unreserved set encoded (so a space is {@code %20}), and the brackets of
 * {@code user[login]}-style keys left literal.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** {@code k1=v1&k2=v2} in the map's iteration order; keys keep literal brackets when {@code bracketsInKeys}. */
    static String encodePairs(Iterable<Map.Entry<String, String>> pairs, boolean bracketsInKeys) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            append(out, pair.getKey(), bracketsInKeys);
            out.append('=');
            append(out, pair.getValue(), false);
        }
        return out.toString();
    }

    /** One path segment: every byte outside the unreserved set encoded, {@code /} included. */
    static String encodeSegment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        append(out, text, false);
        return out.toString();
    }

    private static void append(StringBuilder out, String text, boolean keepBrackets) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || (keepBrackets && (c == '[' || c == ']'))) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
