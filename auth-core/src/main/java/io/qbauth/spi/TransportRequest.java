package io.qbauth.spi;

import io.qbauth.domain.Headers;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP exchange to perform, as the SDK core built it. Immutable; the body is a byte array so the same bytes can
 * be replayed with a new session token.
 *
 * <p>Header names are kept case-insensitively. {@link #toString()} prints the method, the path and the header
 * <em>names</em> only: header values (the session token) and the body (passwords) never leave through it.
 *
 * @param method  HTTP method in upper case ({@code GET}, {@code POST}, ...)
 * @param uri     absolute {@code http}/{@code https} URI
 * @param headers header name to values
 * @param body    request body, empty for none
 * @param timeout how long the whole exchange may take
 * @param uriTemplate the template the path was expanded from (e.g. {@code /users/{id}.json}, see
 *                    {@code ApiRequest.uriTemplate()}), a bounded name of the endpoint for metrics and traces;
 *                    {@code null} for a request built from a raw path
 */
public record TransportRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                               Duration timeout, String uriTemplate) {

    private static final byte[] EMPTY = new byte[0];

    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        method = method.toUpperCase(Locale.ROOT);
        headers = Headers.copyOf(headers);
        body = body == null ? EMPTY : body.clone();
    }

    /** A request without a URI template (built from a raw path). */
    public TransportRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                            Duration timeout) {
        this(method, uri, headers, body, timeout, null);
    }

    /** A copy of the body (the record never hands out its own array). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The request as failure messages and logs may name it: the method and the raw path, {@code "/"} when empty,
     * e.g. {@code GET /session.json}. Never the query, a header value or the body, which may hold secrets.
     */
    public String describe() {
        String path = uri.getRawPath();
        return method + " " + (path == null || path.isEmpty() ? "/" : path);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The same request with one header set to a single value (replacing earlier values). */
    public TransportRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, List.of(value));
        return new TransportRequest(method, uri, copy, body, timeout, uriTemplate);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransportRequest that
                && method.equals(that.method)
                && uri.equals(that.uri)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && timeout.equals(that.timeout)
                && Objects.equals(uriTemplate, that.uriTemplate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), timeout, uriTemplate);
    }

    @Override
    public String toString() {
        return "TransportRequest[" + method + " " + uri.getRawPath() + ", headers=" + headers.keySet()
                + ", body=" + body.length + " bytes, timeout=" + timeout + "]";
    }

}
