package io.qbauth.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated call to any QuickBlox REST endpoint, run by {@code QbAuthClient.execute}, which adds the session
 * token and re-authenticates transparently. Immutable: every {@code with}-style method returns a new request and
 * validates its argument at once ({@link InvalidInputException}).
 *
 * <pre>{@code
 * ApiRequest.get("/users/{id}.json", 42);               // GET /users/42.json, template /users/{id}.json
 * ApiRequest.put("/users/{id}.json", 42).jsonBody(bytes);
 * ApiRequest.post("/users.json").formBody(Map.of("user[login]", "alice")).replayable(false);
 * }</pre>
 *
 * <p>{@link #toString()} prints the method, the path and the header names only.
 */
public final class ApiRequest {

    /** Longest path accepted. */
    public static final int MAX_PATH_LENGTH = 2048;
    /** Longest header value or query parameter accepted. */
    public static final int MAX_VALUE_LENGTH = 8192;
    /** Content type of {@link #formBody(Map)}. */
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";
    /** Content type of {@link #jsonBody(byte[])}. */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    /** Headers the SDK or the transport owns; set the body with the body methods, never these directly. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "qb-token", "host", "content-length", "content-type", "transfer-encoding", "connection");
    private static final String PATH_SPECIALS = "-._~!$&'()*+,;=:@/%";
    private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";
    private static final byte[] EMPTY = new byte[0];

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String contentType;
    private final boolean replayable;
    private final Duration timeout;
    private final String uriTemplate;

    private ApiRequest(String method, String path, String uriTemplate, List<Map.Entry<String, String>> query,
                       Map<String, List<String>> headers, byte[] body, String contentType, boolean replayable,
                       Duration timeout) {
        this.method = method;
        this.path = path;
        this.uriTemplate = uriTemplate;
        this.query = List.copyOf(query);
        this.headers = Headers.copyOf(headers);
        this.body = body;
        this.contentType = contentType;
        this.replayable = replayable;
        this.timeout = timeout;
    }

    private static ApiRequest of(String method, String path) {
        return new ApiRequest(method, checkPath(path), null, List.of(), Map.of(), EMPTY, null, true, null);
    }

    private static ApiRequest of(String method, String template, Object[] variables) {
        String path = UriTemplate.expand(template, variables);
        return new ApiRequest(method, checkPath(path), template, List.of(), Map.of(), EMPTY, null, true, null);
    }

    /**
     * A {@code GET} of {@code path} (relative to the endpoint, e.g. {@code /users/42.json}). A request built from a
     * path has no {@linkplain #uriTemplate() template}; prefer {@link #get(String, Object...)} when the path holds
     * an id.
     */
    public static ApiRequest get(String path) {
        return of("GET", path);
    }

    /**
     * A {@code GET} of {@code template} with its {@code {name}} placeholders replaced, in order, by
     * {@code variables} (each percent-encoded as one path segment): {@code get("/users/{id}.json", 42)} is
     * {@code GET /users/42.json}, and its {@linkplain #uriTemplate() template} is {@code /users/{id}.json}, what
     * metrics tag it with.
     *
     * @throws InvalidInputException if the number of variables is not the number of placeholders, a variable is
     *                               null or empty, or the expanded path is not a valid path
     */
    public static ApiRequest get(String template, Object... variables) {
        return of("GET", template, variables);
    }

    /** A {@code POST} to {@code path}, without a template (see {@link #get(String)}). */
    public static ApiRequest post(String path) {
        return of("POST", path);
    }

    /** A {@code POST} to {@code template} expanded with {@code variables} (see {@link #get(String, Object...)}). */
    public static ApiRequest post(String template, Object... variables) {
        return of("POST", template, variables);
    }

    /** A {@code PUT} to {@code path}, without a template (see {@link #get(String)}). */
    public static ApiRequest put(String path) {
        return of("PUT", path);
    }

    /** A {@code PUT} to {@code template} expanded with {@code variables} (see {@link #get(String, Object...)}). */
    public static ApiRequest put(String template, Object... variables) {
        return of("PUT", template, variables);
    }

    /** A {@code PATCH} of {@code path}, without a template (see {@link #get(String)}). */
    public static ApiRequest patch(String path) {
        return of("PATCH", path);
    }

    /** A {@code PATCH} of {@code template} expanded with {@code variables} (see {@link #get(String, Object...)}). */
    public static ApiRequest patch(String template, Object... variables) {
        return of("PATCH", template, variables);
    }

    /** A {@code DELETE} of {@code path}, without a template (see {@link #get(String)}). */
    public static ApiRequest delete(String path) {
        return of("DELETE", path);
    }

    /** A {@code DELETE} of {@code template} expanded with {@code variables} (see {@link #get(String, Object...)}). */
    public static ApiRequest delete(String template, Object... variables) {
        return of("DELETE", template, variables);
    }

    /** This request with one more query parameter (repeatable; percent-encoded when sent). */
    public ApiRequest query(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(query);
        copy.add(new SimpleImmutableEntry<>(Text.require(name, "query name", MAX_VALUE_LENGTH),
                checkValue(value, "query value")));
        return new ApiRequest(method, path, uriTemplate, copy, headers, body, contentType, replayable, timeout);
    }

    /**
     * This request with one more header value (repeatable). {@code QB-Token}, {@code Host}, {@code Content-Length},
     * {@code Content-Type}, {@code Transfer-Encoding} and {@code Connection} are reserved.
     */
    public ApiRequest header(String name, String value) {
        Text.notNull(name, "header name");
        if (name.isEmpty() || !name.chars().allMatch(ApiRequest::isTokenChar)) {
            throw new InvalidInputException("header name must be an HTTP token");
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("header " + name + " is set by the SDK and cannot be given");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(checkValue(value, "header value"));
        copy.put(name, values);
        return new ApiRequest(method, path, uriTemplate, query, copy, body, contentType, replayable, timeout);
    }

    /** This request with a JSON body ({@value #JSON_CONTENT_TYPE}); the bytes are copied. */
    public ApiRequest jsonBody(byte[] json) {
        return body(json, JSON_CONTENT_TYPE);
    }

    /**
     * This request with a form body ({@value #FORM_CONTENT_TYPE}) in the map's iteration order; keys may use the
     * QuickBlox bracket form {@code user[login]} (sent literally), values are percent-encoded.
     */
    public ApiRequest formBody(Map<String, String> form) {
        Text.notNull(form, "form");
        Map<String, String> checked = new LinkedHashMap<>();
        form.forEach((name, value) -> checked.put(Text.require(name, "form name", MAX_VALUE_LENGTH),
                Text.notNull(value, "form value")));
        byte[] encoded = PercentEncoding.encodePairs(checked.entrySet(), true).getBytes(StandardCharsets.UTF_8);
        return new ApiRequest(method, path, uriTemplate, query, headers, encoded, FORM_CONTENT_TYPE, replayable,
                timeout);
    }

    /** This request with a body of the given content type; the bytes are copied. */
    public ApiRequest body(byte[] bytes, String contentType) {
        Text.notNull(bytes, "body");
        return new ApiRequest(method, path, uriTemplate, query, headers, bytes.clone(),
                checkValue(Text.notNull(contentType, "contentType"), "contentType"), replayable, timeout);
    }

    /**
     * Whether the SDK may resend this request with a new session token after the server said the session does not
     * exist (default {@code true}). Set {@code false} to opt one request out of the replay.
     */
    public ApiRequest replayable(boolean value) {
        return new ApiRequest(method, path, uriTemplate, query, headers, body, contentType, value, timeout);
    }

    /** This request with its own time limit instead of the transport's default request timeout. */
    public ApiRequest timeout(Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException("timeout must be a positive duration");
        }
        return new ApiRequest(method, path, uriTemplate, query, headers, body, contentType, replayable, value);
    }

    /** The HTTP method in upper case. */
    public String method() {
        return method;
    }

    /** The path relative to the endpoint, starting with {@code /}. */
    public String path() {
        return path;
    }

    /**
     * The template the path was expanded from ({@code /users/{id}.json}), if the request was built with one: a
     * bounded name of the endpoint, unlike the path, so metrics tag the request with it.
     */
    public Optional<String> uriTemplate() {
        return Optional.ofNullable(uriTemplate);
    }

    /** The query parameters, decoded, in order. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** The path followed by the percent-encoded query, e.g. {@code /users.json?page=2}. */
    public String target() {
        return query.isEmpty() ? path : path + "?" + PercentEncoding.encodePairs(query, false);
    }

    /** The extra headers (case-insensitive, unmodifiable). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body, empty for none. */
    public byte[] body() {
        return body.clone();
    }

    /** The content type of the body, if there is one. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** Whether the request may be replayed after a session expiry (see {@link #replayable(boolean)}). */
    public boolean isReplayable() {
        return replayable;
    }

    /** This request's own time limit, if set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes, replayable=" + replayable + "]";
    }

    private static String checkPath(String path) {
        Text.require(path, "path", MAX_PATH_LENGTH);
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new InvalidInputException("path must start with a single '/' and hold no scheme or host");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PATH_SPECIALS.indexOf(c) >= 0;
            if (!allowed) {
                throw new InvalidInputException(
                        "path must be percent-encoded and hold no query or fragment (use query(name, value))");
            }
        }
        if (("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new InvalidInputException("path must not contain '.' or '..' segments");
        }
        return path;
    }

    private static String checkValue(String value, String field) {
        Text.notNull(value, field);
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidInputException(field + " must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        if (Text.hasControlCharacter(value)) {
            throw new InvalidInputException(field + " must not contain control characters");
        }
        return value;
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SPECIALS.indexOf(c) >= 0;
    }
}
