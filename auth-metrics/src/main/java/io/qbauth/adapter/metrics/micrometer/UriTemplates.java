package io.qbauth.adapter.metrics.micrometer;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a request URI into a bounded {@code uri} tag: the path only (never the host, the query or a fragment), with
 * every id segment replaced by {@code {id}}: {@code /users/42.json} becomes {@code /users/{id}.json},
 * {@code /chat/Dialog/5f3a...e1.json} becomes {@code /chat/Dialog/{id}.json}.
 *
 * <p>A segment is kept only if it is a word (letters, {@code _} and {@code -}, at most {@value #MAX_WORD} of them,
 * optionally followed by {@code .json}); it becomes {@code {id}} if it is a number, or a hex or UUID id of at least
 * 16 characters. A path with any other segment, more than {@value #MAX_SEGMENTS} segments, or arriving once
 * {@value #MAX_TEMPLATES} distinct templates are in use maps to {@value #UNKNOWN}. So the tag has a bounded number
 * of values and never carries a login, a token or another value with digits in it.
 */
final class UriTemplates {

    static final String UNKNOWN = "UNKNOWN";
    static final int MAX_TEMPLATES = 100;
    static final int MAX_SEGMENTS = 6;
    static final int MAX_WORD = 40;

    private static final String ID = "{id}";
    private static final String JSON = ".json";
    private static final int MIN_OPAQUE_ID = 16;

    private final Set<String> templates = ConcurrentHashMap.newKeySet();

    /** The template of {@code uri}'s path, or {@value #UNKNOWN}. */
    String of(URI uri) {
        String template = template(uri == null ? null : uri.getRawPath());
        if (template.equals(UNKNOWN) || templates.contains(template)) {
            return template;
        }
        if (templates.size() >= MAX_TEMPLATES) {
            return UNKNOWN;
        }
        templates.add(template);
        return template;
    }

    /** The template of one raw path, ignoring the cap. */
    static String template(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return UNKNOWN;
        }
        StringBuilder out = new StringBuilder(rawPath.length());
        int segments = 0;
        int from = 1;
        while (from <= rawPath.length()) {
            int to = rawPath.indexOf('/', from);
            if (to < 0) {
                to = rawPath.length();
            }
            if (to == from) {
                if (to == rawPath.length()) {
                    break;
                }
                return UNKNOWN;
            }
            if (++segments > MAX_SEGMENTS) {
                return UNKNOWN;
            }
            String segment = segment(rawPath.substring(from, to));
            if (segment == null) {
                return UNKNOWN;
            }
            out.append('/').append(segment);
            from = to + 1;
        }
        return segments == 0 ? "/" : out.toString();
    }

    /** The segment as it appears in a template, or {@code null} if it may not appear. */
    private static String segment(String raw) {
        String body = raw.endsWith(JSON) ? raw.substring(0, raw.length() - JSON.length()) : raw;
        String suffix = body.length() == raw.length() ? "" : JSON;
        if (isNumber(body) || isOpaqueId(body)) {
            return ID + suffix;
        }
        return isWord(body) ? raw : null;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isOpaqueId(String text) {
        return text.length() >= MIN_OPAQUE_ID
                && text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
                        || c == '-')
                && text.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isWord(String text) {
        return !text.isEmpty() && text.length() <= MAX_WORD
                && text.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-');
    }
}
