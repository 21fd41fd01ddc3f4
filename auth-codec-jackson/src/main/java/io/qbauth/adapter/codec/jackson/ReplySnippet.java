package io.qbauth.adapter.codec.jackson;

import java.nio.charset.StandardCharsets;

/**
 * A short, printable-ASCII prefix of a non-JSON reply (an HTML error page, a proxy's plain-text message), for
 * exception messages. JSON-looking replies are never quoted: their content may include a session token.
 */
final class ReplySnippet {

    static final int MAX_CHARS = 40;

    private ReplySnippet() {
    }

    /** The sanitized prefix in quotes, or an empty string when the body must not be quoted. */
    static String of(byte[] body) {
        int start = firstNonWhitespace(body);
        if (start < 0 || body[start] == '{' || body[start] == '[') {
            return "";
        }
        int end = Math.min(body.length, start + MAX_CHARS * 4);
        String text = new String(body, start, end - start, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(MAX_CHARS + 8).append(": \"");
        int count = 0;
        for (int i = 0; i < text.length() && count < MAX_CHARS; i++, count++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        if (count < text.length() || end < body.length) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    /** Index of the first byte that is neither JSON whitespace nor a UTF-8 byte order mark, or -1. */
    static int firstNonWhitespace(byte[] body) {
        int from = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                && (body[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = from; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }
}
