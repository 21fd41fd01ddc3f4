package io.qbauth.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status, headers and raw body of a reply, exactly as received. Transports return every status here (a 401 or a
 * 500 is a response, not a failure); only I/O problems complete the stage exceptionally.
 *
 * <p>Header names are looked up case-insensitively. {@link #toString()} prints no header values and no body.
 *
 * @param status  HTTP status code
 * @param headers header name to values
 * @param body    reply body, empty for none
 */
public record TransportResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    public TransportResponse {
        headers = TransportRequest.copyHeaders(headers);
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

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransportResponse that
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
        return "TransportResponse[" + status + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
