package io.qbauth.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply, exactly as received: status, headers and raw body. Immutable; {@link #toString()} prints no header values
 * and no body. The client's {@code execute} completes with the successful (2xx) ones and fails with a typed
 * {@link AuthException} otherwise; a transport ({@code io.qbauth.spi.AuthTransport}) returns every status in one (a
 * 401 or a 500 is a reply, not a failure), and the client hands that same instance on: one type from the wire to the
 * application, no copy in between.
 *
 * @param status  HTTP status code
 * @param headers header name to values, looked up case-insensitively
 * @param body    the raw body, empty for none
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    /** Copies {@code headers} (case-insensitive, unmodifiable) and {@code body} (null: empty). */
    public ApiResponse {
        headers = Headers.copyOf(headers);
        body = body == null ? EMPTY : body.clone();
    }

    /** A copy of the body. */
    @Override
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

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiResponse that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
