package io.qbauth.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply, exactly as received: status, headers and raw body. Immutable; {@link #toString()} prints no header values
 * and no body. The client's {@code execute} completes with the successful (2xx) ones and fails with a typed
 * {@link AuthException} otherwise; a transport ({@code io.qbauth.spi.AuthTransport}) returns every status in one (a
 * 401 or a 500 is a reply, not a failure), and the client hands that same instance on: one type from the wire to the
 * application, no copy in between. A transport creates it with {@link #received}, which takes over the body array it
 * has just read instead of copying it once more.
 *
 * <p>A final class rather than a record so that {@link #received} can hand a fresh array over without the copy a
 * record's constructor would make; its accessors are those a record would have.
 */
public final class ApiResponse {

    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * Copies {@code headers} (case-insensitive, unmodifiable) and {@code body} (null: empty).
     *
     * @param status  HTTP status code
     * @param headers header name to values, looked up case-insensitively
     * @param body    the raw body, null or empty for none
     */
    public ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(body == null ? EMPTY : body.clone(), status, headers);
    }

    /** The body first: this one keeps {@code ownedBody} as it is. */
    private ApiResponse(byte[] ownedBody, int status, Map<String, List<String>> headers) {
        this.status = status;
        this.headers = Headers.copyOf(headers);
        this.body = ownedBody;
    }

    /**
     * For transports: the reply just read, taking over {@code body} rather than copying it. The caller hands the
     * array over: nothing may write to it afterwards (an application that keeps its own array uses the constructor,
     * which copies). Headers are copied as by the constructor.
     *
     * @param body the raw body, null or empty for none
     */
    public static ApiResponse received(int status, Map<String, List<String>> headers, byte[] body) {
        return new ApiResponse(body == null || body.length == 0 ? EMPTY : body, status, headers);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** Header name to values, unmodifiable, looked up case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body (empty for none). */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** Equal status, headers and body bytes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ApiResponse that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    /** Consistent with {@link #equals}, which matches header names in any case: names are hashed lower-cased. */
    @Override
    public int hashCode() {
        int headersHash = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            headersHash += header.getKey().toLowerCase(Locale.ROOT).hashCode() ^ header.getValue().hashCode();
        }
        return Objects.hash(status, headersHash, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
