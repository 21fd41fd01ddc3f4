package io.qbauth.emulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failure the emulator injects into its replies, for testing clients against a misbehaving server. Immutable;
 * create one with a factory, narrow it with {@link #on(String, String)} and {@link #times(int)}, and switch it on with
 * {@link EmulatorFaults#set(Fault)} (every request) or {@link EmulatorFaults#set(long, Fault)} (one application's).
 *
 * <pre>{@code
 * emu.faults().set(Fault.connectionReset().on("POST", "/users.json").times(1));  // the next sign-up is cut off
 * emu.faults().set(12345L, Fault.rateLimited(Duration.ofSeconds(3)));             // app 12345 is throttled
 * emu.faults().set(Fault.latency(Duration.ofMillis(800)));                        // everything is slow
 * emu.faults().clear();
 * }</pre>
 *
 * <p>Two phases, see {@link Kind#refusesRequest()}: a <em>refusal</em> (500, 503, 429, an HTML page, a custom
 * reply) answers instead of the endpoint, so the request has no effect; a <em>reply fault</em> (latency, reset,
 * truncated or invalid JSON, a reply that never ends) lets the endpoint run and then delays or damages its reply,
 * so the request took effect but the client cannot know. The emulator's own {@code /_emulator/*} endpoints are never
 * faulted.
 */
public final class Fault {

    /** What a fault does. */
    public enum Kind {
        /** The reply is sent after a delay (the request is handled first). */
        LATENCY("latency", false),
        /** 500 {@code {"errors":["Internal Server Error"]}} instead of handling the request. */
        SERVER_ERROR("server_error", true),
        /** 503 {@code {"errors":["Service Unavailable"]}} with {@code Retry-After}, instead of handling it. */
        UNAVAILABLE("unavailable", true),
        /** 429 {@code {"errors":["Too Many Requests"]}} with {@code Retry-After}, instead of handling it. */
        RATE_LIMITED("rate_limited", true),
        /** 502 with a {@code text/html} page, as a reverse proxy sends when the backend is down. */
        HTML_ERROR_PAGE("html_error_page", true),
        /** A reply of the test's choosing (status, headers, body) instead of handling the request. */
        CUSTOM_REPLY("custom_reply", true),
        /** The reply's head and part of its body are sent, then the connection is closed. */
        CONNECTION_RESET("connection_reset", false),
        /** A well-framed reply whose JSON body is cut in half ({@code Content-Length} matches the cut body). */
        TRUNCATED_JSON("truncated_json", false),
        /** A well-framed reply, with the real status, whose body is not JSON at all. */
        INVALID_JSON("invalid_json", false),
        /** The head and a first chunk of the body are sent; the body never completes (chunked, stalled). */
        NEVER_ENDS("never_ends", false);

        private final String wireName;
        private final boolean refusesRequest;

        Kind(String wireName, boolean refusesRequest) {
            this.wireName = wireName;
            this.refusesRequest = refusesRequest;
        }

        /** The name used by {@code POST /_emulator/faults}, e.g. {@code connection_reset}. */
        public String wireName() {
            return wireName;
        }

        /** True when the fault answers instead of the endpoint (no effect on the emulator's state). */
        public boolean refusesRequest() {
            return refusesRequest;
        }

        /**
         * The kind with this wire name.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Kind ofWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown fault " + name);
        }
    }

    private final Kind kind;
    private final Duration delay;
    private final Duration retryAfter;
    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final String method;
    private final String path;
    private final int times;

    private Fault(Kind kind, Duration delay, Duration retryAfter, int status, Map<String, String> headers, String body,
            String method, String path, int times) {
        this.kind = kind;
        this.delay = delay;
        this.retryAfter = retryAfter;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.method = method;
        this.path = path;
        this.times = times;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, Duration.ZERO, null, 0, Map.of(), "", null, null, 0);
    }

    /**
     * Every matching reply is sent {@code delay} late (the request is handled at once).
     *
     * @throws IllegalArgumentException for a negative delay
     */
    public static Fault latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + delay);
        }
        return new Fault(Kind.LATENCY, delay, null, 0, Map.of(), "", null, null, 0);
    }

    /** 500 {@code {"errors":["Internal Server Error"]}}. */
    public static Fault serverError() {
        return of(Kind.SERVER_ERROR);
    }

    /** 503 {@code {"errors":["Service Unavailable"]}} with {@code Retry-After} in whole seconds (rounded up). */
    public static Fault unavailable(Duration retryAfter) {
        return new Fault(Kind.UNAVAILABLE, Duration.ZERO, requireRetryAfter(retryAfter), 0, Map.of(), "", null, null,
                0);
    }

    /** 429 {@code {"errors":["Too Many Requests"]}} with {@code Retry-After} in whole seconds (rounded up). */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, Duration.ZERO, requireRetryAfter(retryAfter), 0, Map.of(), "", null, null,
                0);
    }

    /** 502 with a {@code text/html} "Bad Gateway" page, as a reverse proxy sends it. */
    public static Fault htmlErrorPage() {
        return of(Kind.HTML_ERROR_PAGE);
    }

    /** The head and half of the body are sent, then the connection is closed (an empty reply: nothing is sent). */
    public static Fault connectionReset() {
        return of(Kind.CONNECTION_RESET);
    }

    /** The JSON body is cut in half; the reply is otherwise well-formed. */
    public static Fault truncatedJson() {
        return of(Kind.TRUNCATED_JSON);
    }

    /** The body is replaced by text that is not JSON; status and headers stay. */
    public static Fault invalidJson() {
        return of(Kind.INVALID_JSON);
    }

    /** The head and a first chunk are sent, and the reply never completes (until the client gives up). */
    public static Fault neverEnds() {
        return of(Kind.NEVER_ENDS);
    }

    /**
     * Answers with exactly this reply instead of handling the request. {@code headers} are sent as given (add a
     * {@code Content-Type}); the emulator adds only {@code Content-Length} and its standard headers unless
     * {@code headers} names them.
     *
     * @throws IllegalArgumentException for a status outside 100..599 or a header with CR or LF
     */
    public static Fault reply(int status, Map<String, String> headers, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, got " + status);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, value) -> {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (name.isEmpty() || (name + value).chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("header names and values must be non-empty single lines");
            }
            copy.put(name, value);
        });
        return new Fault(Kind.CUSTOM_REPLY, Duration.ZERO, null, status, Collections.unmodifiableMap(copy),
                Objects.requireNonNull(body, "body"), null, null, 0);
    }

    /**
     * This fault, limited to requests with this method and path. The path matches with or without {@code .json}
     * ({@code /users.json} also matches {@code /users}); a trailing {@code *} matches any rest ({@code /users/*}).
     *
     * @param method an HTTP method, any case; {@code null} for every method
     * @param path a path starting with {@code /}; {@code null} for every path
     */
    public Fault on(String method, String path) {
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException("a fault path starts with /, got " + path);
        }
        return new Fault(kind, delay, retryAfter, status, headers, body,
                method == null ? null : method.toUpperCase(Locale.ROOT), path, times);
    }

    /**
     * This fault, limited to the next {@code count} matching requests; after them it is gone.
     *
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + count);
        }
        return new Fault(kind, delay, retryAfter, status, headers, body, method, path, count);
    }

    /** What the fault does. */
    public Kind kind() {
        return kind;
    }

    /** The delay of a {@link Kind#LATENCY} fault, else zero. */
    public Duration delay() {
        return delay;
    }

    /** The {@code Retry-After} of a 503 or 429 fault. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The status of a {@link Kind#CUSTOM_REPLY}, else 0. */
    public int status() {
        return status;
    }

    /** The headers of a {@link Kind#CUSTOM_REPLY}, else empty. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body of a {@link Kind#CUSTOM_REPLY}, else empty. */
    public String body() {
        return body;
    }

    /** The method requests must have, upper case, if limited. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The path requests must have, if limited. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** How many requests the fault strikes before it is gone; empty for every matching request. */
    public OptionalInt times() {
        return times == 0 ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** Whether a request with this method and path is in the fault's scope. */
    public boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || pathMatches(path, requestPath));
    }

    private static boolean pathMatches(String pattern, String requestPath) {
        if (pattern.endsWith("*")) {
            return requestPath.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return withoutJsonSuffix(pattern).equals(withoutJsonSuffix(requestPath));
    }

    private static String withoutJsonSuffix(String path) {
        return path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
    }

    private static Duration requireRetryAfter(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + retryAfter);
        }
        return retryAfter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fault that && kind == that.kind && delay.equals(that.delay)
                && Objects.equals(retryAfter, that.retryAfter) && status == that.status
                && headers.equals(that.headers) && body.equals(that.body) && Objects.equals(method, that.method)
                && Objects.equals(path, that.path) && times == that.times;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, delay, retryAfter, status, headers, body, method, path, times);
    }

    /** The kind, its parameters and its scope; a custom reply's body is shown by length only. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Fault[").append(kind.wireName);
        if (kind == Kind.LATENCY) {
            text.append(' ').append(delay.toMillis()).append("ms");
        }
        if (retryAfter != null) {
            text.append(", retryAfter=").append(retryAfter.toSeconds()).append('s');
        }
        if (kind == Kind.CUSTOM_REPLY) {
            text.append(' ').append(status).append(", headers=").append(headers.keySet())
                    .append(", body=").append(body.length()).append(" chars");
        }
        text.append(", on ").append(method == null ? "*" : method).append(' ').append(path == null ? "*" : path);
        if (times > 0) {
            text.append(", times=").append(times);
        }
        return text.append(']').toString();
    }
}
