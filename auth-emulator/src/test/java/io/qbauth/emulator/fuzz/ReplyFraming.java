package io.qbauth.emulator.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Just enough HTTP/1.1 reply parsing to tell when the first complete reply has arrived on a kept-alive connection. */
final class ReplyFraming {

    private ReplyFraming() {
    }

    /** The status of the first final (non-100) reply in {@code received}, or -1 when none has a status line yet. */
    static int status(byte[] received, int length) {
        int start = skipContinue(received, length);
        String text = new String(received, start, Math.min(length - start, 16), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the first final reply in {@code received} is complete (head, and a body as long as announced). */
    static boolean complete(byte[] received, int length, boolean headRequest) {
        int start = skipContinue(received, length);
        int headEnd = indexOf(received, start, length, "\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        int status = status(received, length);
        String head = new String(received, start, headEnd - start, StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int bodyStart = headEnd + 4;
        if (headRequest || status == 101 || status == 204 || status == 304) {
            return true;
        }
        long contentLength = contentLength(head);
        if (contentLength >= 0) {
            return length - bodyStart >= contentLength;
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return indexOf(received, bodyStart - 2, length, "\r\n0\r\n\r\n") >= 0;
        }
        return false;
    }

    /** Skips interim {@code 100 Continue} replies. */
    private static int skipContinue(byte[] received, int length) {
        int start = 0;
        while (length - start >= 12 && new String(received, start, 12, StandardCharsets.ISO_8859_1)
                .equals("HTTP/1.1 100")) {
            int end = indexOf(received, start, length, "\r\n\r\n");
            if (end < 0) {
                return start;
            }
            start = end + 4;
        }
        return start;
    }

    private static long contentLength(String head) {
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return -1;
        }
        int end = head.indexOf("\r\n", at + 2);
        String value = head.substring(at + "\r\ncontent-length:".length(), end < 0 ? head.length() : end).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int indexOf(byte[] data, int from, int length, String pattern) {
        byte[] needle = pattern.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(0, from); i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
