package io.qbauth.adapter.transport.vertx;

import io.qbauth.domain.InvalidInputException;
import io.qbauth.spi.TransportRequest;
import io.qbauth.spi.TransportSupport;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Builds the Vert.x {@link RequestOptions} of a {@link TransportRequest}: method, absolute URI, headers, and the
 * per-request time limit on getting a pooled connection.
 *
 * <p>Headers the HTTP client manages itself (framing, hop-by-hop and {@code Host}:
 * {@link TransportSupport#CLIENT_MANAGED_HEADERS}, the set every transport drops) are dropped. A default {@code User-Agent} is added when the request has none. Header names and values are
 * checked here, before Vert.x sees them, because Vert.x puts a rejected <em>value</em> into its exception message and
 * a value may be a session token.
 */
final class RequestMapper {

    /** The characters RFC 9110 excludes from a token besides controls, space and DEL. */
    private static final String SEPARATORS = "\"(),/:;<=>?@[\\]{}";

    private final String userAgent;

    RequestMapper(String userAgent) {
        this.userAgent = userAgent;
    }

    /**
     * @throws InvalidInputException when the URI is not absolute {@code http}/{@code https}, or a header name or
     *                               value is not valid HTTP (the message names the header, never its value)
     */
    RequestOptions map(TransportRequest request) {
        if (!isToken(request.method())) {
            throw new InvalidInputException(request.describe() + ": the method is not a valid token");
        }
        return new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(absoluteUri(request))
                .setHeaders(headers(request))
                .setFollowRedirects(false)
                // bounds the wait for a pooled connection; the whole exchange is bounded by VertxExchange's deadline
                .setConnectTimeout(Math.max(1, request.timeout().toMillis()));
    }

    private static String absoluteUri(TransportRequest request) {
        String scheme = request.uri().getScheme();
        if (request.uri().getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new InvalidInputException(request.describe()
                    + ": the URI must be absolute http or https with a host");
        }
        return request.uri().toASCIIString();
    }

    private MultiMap headers(TransportRequest request) {
        MultiMap headers = HttpHeaders.headers();
        TransportSupport.forEachHeaderToSend(request, userAgent, (name, values) -> {
            requireValidName(request, name);
            for (String value : values) {
                requireValidValue(request, name, value);
                headers.add(name, value);
            }
        });
        return headers;
    }

    private static void requireValidName(TransportRequest request, String name) {
        if (!isToken(name)) {
            throw new InvalidInputException(request.describe() + ": a header name is not a valid token");
        }
    }

    /**
     * RFC 9110 token: one or more visible ASCII characters other than the separators. An index loop, not a stream:
     * it runs for every header of every request.
     */
    private static boolean isToken(String text) {
        int length = text.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f || SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Field content: tab, visible ASCII, space and obs-text (Latin-1); no CR, LF, NUL or other control. */
    private static boolean isFieldValue(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f || c > 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static void requireValidValue(TransportRequest request, String name, String value) {
        if (!isFieldValue(value)) {
            throw new InvalidInputException(request.describe() + ": the value of header " + name
                    + " contains a character that is not allowed");
        }
    }
}
