package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.spi.TransportRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bounded {@code uri} tag of a request: the template it carries ({@code ApiRequest.get("/users/{id}.json", 42)},
 * and the SDK's own fixed paths), or, for a request built from a raw path, a template guessed from it: the path only (never the host, the query or a fragment), with
 * every id segment replaced by {@code {id}}: {@code /users/42.json} becomes {@code /users/{id}.json},
 * {@code /chat/Dialog/5f3a...e1.json} becomes {@code /chat/Dialog/{id}.json}.
 *
 * <p>A segment is kept only if it is a word (letters, {@code _} and {@code -}, at most {@value #MAX_WORD} of them,
 * optionally followed by {@code .json}); it becomes {@code {id}} if it is a number, or a hex or UUID id of at least
 * 16 characters. A path with any other segment, more than {@value #MAX_SEGMENTS} segments, or arriving once
 * {@value #MAX_TEMPLATES} distinct templates are in use maps to {@value #UNKNOWN}. So the tag has a bounded number
 * of values, and no value with a digit (an id, a token, most logins) or an escape in it survives; a path segment of
 * plain letters does, which QuickBlox paths never use for a user's data. Carried templates count towards the same
 * cap, so even templates built from ids by mistake cannot grow the tag without bound.
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

    /** The template {@code request} carries, else the one guessed from its path, or {@value #UNKNOWN}. */
    String of(TransportRequest request) {
        return of(request.uriTemplate(), request.uri());
    }

    /** The template {@code carried} (null for none), else the one guessed from {@code uri}'s path, or {@value #UNKNOWN}. */
    String of(String carried, java.net.URI uri) {
        return capped(carried != null ? carried : template(uri == null ? null : uri.getRawPath()));
    }

    private String capped(String template) {
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
        for (int from = 1; from < rawPath.length(); ) {
            int next = rawPath.indexOf('/', from);
            int to = next < 0 ? rawPath.length() : next;
            if (to == from || ++segments > MAX_SEGMENTS || !appendSegment(rawPath, from, to, out)) {
                return UNKNOWN;
            }
            from = to + 1;
        }
        return segments == 0 ? "/" : out.toString();
    }

    /** Appends {@code /segment} (or {@code /{id}}) for {@code path[from, to)}; false if it may not appear. */
    private static boolean appendSegment(String path, int from, int to, StringBuilder out) {
        boolean json = to - from > JSON.length() && path.startsWith(JSON, to - JSON.length());
        int end = json ? to - JSON.length() : to;
        out.append('/');
        if (isNumber(path, from, end) || isOpaqueId(path, from, end)) {
            out.append(ID);
        } else if (isWord(path, from, end)) {
            out.append(path, from, end);
        } else {
            return false;
        }
        if (json) {
            out.append(JSON);
        }
        return true;
    }

    private static boolean isNumber(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    private static boolean isOpaqueId(String text, int from, int to) {
        if (to - from < MIN_OPAQUE_ID) {
            return false;
        }
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-')) {
                return false;
            }
            digit |= isDigit(c);
        }
        return digit;
    }

    private static boolean isWord(String text, int from, int to) {
        if (to == from || to - from > MAX_WORD) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
